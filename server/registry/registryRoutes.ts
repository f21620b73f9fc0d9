/**
 * The route table of the functions and jobs registry and its middleware
 * chains (contract part 3, §7): /api/v1/functions through
 * `RequireAuthOrServiceKey` and `RequireScope("read:functions")`;
 * /api/v1/admin through the JWT-only admin authentication, the two sync
 * routes behind their IP allowlist first. Every answer carries an
 * X-Request-ID. Unmatched paths are left to the caller (catch-all 404).
 */
import { randomUUID } from 'node:crypto';
import type { AdminAuthenticator } from '../auth/adminAuth';
import type { FunctionsAuthenticator } from '../auth/functionsAuth';
import { scopeDenial } from '../auth/secretsAuth';
import type { IpAllowlist } from '../auth/syncAllowlist';
import type { Exchange } from '../http/exchange';
import { Route, Router, RoutingPath } from '../http/router';
import type { LogLine } from '../logging/lineWriter';
import * as handlers from './registryHandlers';

/** What a registry route runs behind. */
interface RegistryRoute {
  readonly chain: 'functions' | 'admin';
  readonly allowlist?: 'functions' | 'jobs';
  readonly failure: string;
  readonly handler: handlers.RegistryHandler;
}

/** Everything the registry routes need. */
export interface RegistryDeps extends handlers.RegistryHandlerDeps {
  readonly functionsAuth: FunctionsAuthenticator;
  readonly adminAuth: AdminAuthenticator;
  readonly functionsSyncAllowlist: IpAllowlist;
  readonly jobsSyncAllowlist: IpAllowlist;
  readonly log: LogLine;
}

function route(method: string, pattern: string, value: RegistryRoute): Route<RegistryRoute> {
  return { method, pattern, value };
}

const F = '/api/v1/functions';
const A = '/api/v1/admin';

/** The eight routes, in upstream's registration order. */
const REGISTRY_ROUTES: readonly Route<RegistryRoute>[] = [
  route('GET', F, { chain: 'functions', failure: 'Failed to list functions', handler: handlers.listFunctions }),
  route('GET', `${F}/:name`, { chain: 'functions', failure: 'Function not found', handler: handlers.getFunction }),
  route('POST', `${A}/functions/sync`, {
    chain: 'admin',
    allowlist: 'functions',
    failure: 'Failed to sync functions',
    handler: handlers.syncFunctionsHandler,
  }),
  route('GET', `${A}/functions/namespaces`, {
    chain: 'admin',
    failure: 'Failed to list function namespaces',
    handler: handlers.functionNamespaces,
  }),
  route('GET', `${A}/jobs/namespaces`, {
    chain: 'admin',
    failure: 'Failed to list job namespaces',
    handler: handlers.jobNamespaces,
  }),
  route('GET', `${A}/jobs/functions`, {
    chain: 'admin',
    failure: 'Failed to list job functions',
    handler: handlers.listJobs,
  }),
  route('GET', `${A}/jobs/functions/:namespace/:name`, {
    chain: 'admin',
    failure: 'Failed to get job function',
    handler: handlers.getJob,
  }),
  route('POST', `${A}/jobs/sync`, {
    chain: 'admin',
    allowlist: 'jobs',
    failure: 'Failed to sync jobs',
    handler: handlers.syncJobsHandler,
  }),
];

const IP_DENIED = {
  functions: '{"error":"Access denied - IP not allowlisted for functions sync"}',
  jobs: '{"error":"Access denied - IP not allowlisted for jobs sync"}',
};

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Answers a request when a registry route matches it (true), else leaves it alone (false). */
export type RegistryDispatch = (exchange: Exchange, path: RoutingPath) => Promise<boolean>;

/** Builds the registry dispatcher. */
export function createRegistryHandler(deps: RegistryDeps): RegistryDispatch {
  const router = new Router<RegistryRoute>(REGISTRY_ROUTES);
  return async (exchange, path) => {
    const match = router.match(exchange.method, path);
    if (!match) return false;
    const { chain, allowlist, failure, handler } = match.route.value;
    exchange.pattern = match.route.pattern;
    const requestId = randomUUID();
    exchange.responseHeaders['X-Request-ID'] = requestId;
    if (allowlist !== undefined) {
      const list = allowlist === 'functions' ? deps.functionsSyncAllowlist : deps.jobsSyncAllowlist;
      if (!list.allows(exchange.req.socket.remoteAddress)) {
        exchange.send(403, IP_DENIED[allowlist]);
        return true;
      }
    }
    const auth =
      chain === 'functions'
        ? await deps.functionsAuth.authenticate(exchange.req.headers)
        : await deps.adminAuth.authenticate(exchange.req.headers, requestId);
    if (!auth.ok) {
      exchange.send(auth.status, auth.body);
      return true;
    }
    const secretsCaller = auth.caller.secretsCaller;
    const denied = chain === 'functions' && secretsCaller ? scopeDenial(secretsCaller, 'read:functions') : undefined;
    if (denied !== undefined) {
      exchange.send(403, denied);
      return true;
    }
    try {
      await handler(deps, exchange, match.params, auth.caller);
    } catch (error) {
      deps.log(`error in ${exchange.method} ${exchange.pattern}: ${describe(error)}`);
      exchange.send(500, JSON.stringify({ details: describe(error), error: failure, request_id: requestId }));
    }
    return true;
  };
}
