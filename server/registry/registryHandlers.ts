/**
 * The eight functions and jobs registry handlers (contract part 3, §1–§3,
 * §5, §6). Authentication, scopes and the IP allowlist have run before them
 * (registryRoutes.ts); the admin-role check of list and get is theirs, as
 * in upstream's handlers.
 */
import type { Exchange } from '../http/exchange';
import { errorBody } from '../http/exchange';
import { jsonRequestText } from '../http/requestBody';
import { isAdminRole, RegistryCaller } from '../auth/registryCaller';
import { functionDetailObject, functionSummaryObject } from './functionJson';
import { syncFunctions } from './functionsSync';
import { goJson, goSliceJson } from './goJson';
import { jobDetailObject, jobSummaryObject } from './jobJson';
import { syncJobs } from './jobsSync';
import type { RegistryStore } from './registryStore';
import { bindFunctionsSync, bindJobsSync } from './syncRequest';

/** What the handlers work with. */
export interface RegistryHandlerDeps {
  readonly store: RegistryStore;
  readonly bodyLimitBytes: number;
}

/** A handler: the exchange, the raw path parameters and the caller. */
export type RegistryHandler = (
  deps: RegistryHandlerDeps,
  exchange: Exchange,
  params: readonly string[],
  caller: RegistryCaller,
) => void | Promise<void>;

const INVALID_BODY = errorBody('Invalid request body');

function namespacesJson(namespaces: string[]): string {
  return goJson({ namespaces: namespaces.length === 0 ? ['default'] : namespaces });
}

/** GET /api/v1/functions/ */
export const listFunctions: RegistryHandler = (deps, exchange, _params, caller) => {
  if (!isAdminRole(caller.role)) return exchange.send(403, errorBody('Admin access required to list functions'));
  const namespace = exchange.query('namespace');
  const table = deps.store.functions;
  const rows = namespace === '' ? table.listAll() : table.listByNamespace(namespace);
  exchange.send(200, goSliceJson(rows, functionSummaryObject));
};

/** GET /api/v1/functions/:name — `?namespace` ignored: the alphabetically first namespace wins. */
export const getFunction: RegistryHandler = (deps, exchange, params, caller) => {
  if (!isAdminRole(caller.role)) return exchange.send(403, errorBody('Admin access required to view function details'));
  const row = deps.store.functions.firstByName(params[0] as string);
  if (row === undefined) return exchange.send(404, errorBody('Function not found'));
  exchange.send(200, goJson(functionDetailObject(row)));
};

/** GET /api/v1/admin/functions/namespaces */
export const functionNamespaces: RegistryHandler = (deps, exchange) => {
  exchange.send(200, namespacesJson(deps.store.functions.namespaces()));
};

/** POST /api/v1/admin/functions/sync */
export const syncFunctionsHandler: RegistryHandler = async (deps, exchange, _params, caller) => {
  const text = await jsonRequestText(exchange, deps.bodyLimitBytes, INVALID_BODY);
  if (text === undefined) return;
  const request = bindFunctionsSync(text);
  if (request === undefined) return exchange.send(400, INVALID_BODY);
  exchange.send(200, goJson(syncFunctions(deps.store, request, caller.userId)));
};

/** GET /api/v1/admin/jobs/functions */
export const listJobs: RegistryHandler = (deps, exchange) => {
  const namespace = exchange.query('namespace');
  const table = deps.store.jobs;
  const rows = namespace === '' ? table.listAll() : table.listByNamespace(namespace);
  exchange.send(200, goSliceJson(rows, jobSummaryObject));
};

/** GET /api/v1/admin/jobs/functions/:namespace/:name */
export const getJob: RegistryHandler = (deps, exchange, params) => {
  const row = deps.store.jobs.get(params[0] as string, params[1] as string);
  if (row === undefined) return exchange.send(404, errorBody('Job function not found'));
  exchange.send(200, goJson(jobDetailObject(row)));
};

/** GET /api/v1/admin/jobs/namespaces */
export const jobNamespaces: RegistryHandler = (deps, exchange) => {
  exchange.send(200, namespacesJson(deps.store.jobs.namespaces()));
};

/** POST /api/v1/admin/jobs/sync */
export const syncJobsHandler: RegistryHandler = async (deps, exchange, _params, caller) => {
  const text = await jsonRequestText(exchange, deps.bodyLimitBytes, INVALID_BODY);
  if (text === undefined) return;
  const request = bindJobsSync(text);
  if (request === undefined) return exchange.send(400, INVALID_BODY);
  exchange.send(200, goJson(syncJobs(deps.store, request, caller.userId)));
};
