/**
 * The one request listener: body-size limit first, then the secrets prefix
 * (authentication before routing, so unknown sub-paths are authenticated
 * too), then the dashboard routes, else upstream's catch-all 404. Any
 * unexpected error becomes a 500 with the route's failure text; nothing a
 * client sends can crash the process.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LogLine } from '../logging/lineWriter';
import type { SecretsAuthenticator } from '../auth/secretsAuth';
import { scopeDenial } from '../auth/secretsAuth';
import type { DashboardDeps, DashboardHandler } from '../routes/dashboardAuthHandlers';
import { DASHBOARD_ROUTES } from '../routes/dashboardRoutes';
import type { SecretsDeps } from '../routes/secretsHandlers';
import { SECRETS_PREFIX, SECRETS_ROUTES, SecretsRoute } from '../routes/secretsRoutes';
import type { DrainLimits } from './bodyDrain';
import type { RegistryDispatch } from '../registry/registryRoutes';
import { errorBody, Exchange } from './exchange';
import { BODY_TOO_LARGE, declaresTooLarge } from './requestBody';
import { isUnder, Router, toRoutingPath } from './router';

/** Everything the listener needs. */
export interface RequestHandlerDeps {
  readonly secrets: SecretsDeps;
  readonly dashboard: DashboardDeps;
  readonly authenticator: SecretsAuthenticator;
  /** The functions and jobs registry routes (answers true when one matched). */
  readonly registry?: RegistryDispatch;
  readonly log: LogLine;
  /** Budget for draining bodies answered early; default `DEFAULT_DRAIN_LIMITS`. */
  readonly drainLimits?: DrainLimits;
}

const PREFIX_SEGMENTS = SECRETS_PREFIX.split('/');

function notFound(exchange: Exchange): void {
  exchange.send(404, '{"error":"Not Found","path":' + JSON.stringify(exchange.rawPath) + '}');
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Builds the `request` listener of the HTTP server. */
export function createRequestHandler(deps: RequestHandlerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const secretsRouter = new Router<SecretsRoute>(SECRETS_ROUTES);
  const dashboardRouter = new Router<DashboardHandler>(DASHBOARD_ROUTES);

  async function handle(exchange: Exchange): Promise<void> {
    if (declaresTooLarge(exchange.req, deps.secrets.bodyLimitBytes)) return exchange.send(413, BODY_TOO_LARGE);
    const path = toRoutingPath(exchange.rawPath);
    if (isUnder(path, PREFIX_SEGMENTS)) {
      exchange.pattern = `${SECRETS_PREFIX}/*`;
      const auth = await deps.authenticator.authenticate(exchange.req.headers);
      if (!auth.ok) return exchange.send(auth.status, auth.body);
      const match = secretsRouter.match(exchange.method, path);
      if (!match) return notFound(exchange);
      const { scope, failure, handler } = match.route.value;
      exchange.pattern = match.route.pattern;
      const denied = scopeDenial(auth.caller, scope);
      if (denied !== undefined) return exchange.send(403, denied);
      try {
        await handler(deps.secrets, exchange, match.params, auth.caller);
      } catch (error) {
        deps.log(`error in ${exchange.method} ${exchange.pattern}: ${describe(error)}`);
        exchange.send(500, errorBody(`${failure}: ${describe(error)}`));
      }
      return;
    }
    if (deps.registry && (await deps.registry(exchange, path))) return;
    const match = dashboardRouter.match(exchange.method, path);
    if (!match) return notFound(exchange);
    exchange.pattern = match.route.pattern;
    await match.route.value(deps.dashboard, exchange);
  }

  return (req, res) => {
    const exchange = new Exchange(req, res, deps.log, deps.drainLimits);
    handle(exchange).catch((error: unknown) => {
      deps.log(`error in ${exchange.method} ${exchange.pattern}: ${describe(error)}`);
      exchange.send(500, '{"code":500,"error":"Internal Server Error"}');
    });
  };
}
