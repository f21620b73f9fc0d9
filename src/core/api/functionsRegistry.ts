/**
 * `client.registry`: the list calls of the functions and jobs registry
 * (contract part 3, §1, §6.1), used to learn where each function and job
 * is deployed. Both return every namespace (no `namespace` query) and turn
 * the `null` of an empty list into `[]`.
 */
import { apiRoutes } from './apiRoutes';
import type { HttpTransport } from './httpTransport';
import { isEdgeFunctionSummary, isJobFunctionSummary, listOrNull } from './registryGuards';
import type { EdgeFunctionSummary, JobFunctionSummary } from './registryTypes';

const isFunctionList = listOrNull(isEdgeFunctionSummary);
const isJobFunctionList = listOrNull(isJobFunctionSummary);

/** Lists deployed functions and job functions. */
export class FunctionsRegistry {
  constructor(private readonly transport: HttpTransport) {}

  /**
   * GET /api/v1/functions/: every function of every namespace. Needs an
   * admin role (dashboard, service_role, `sk_` key with `read:functions`);
   * others get 403 "Admin access required to list functions".
   */
  async listFunctions(): Promise<EdgeFunctionSummary[]> {
    return (await this.transport.request({ method: 'GET', route: apiRoutes.functions() }, isFunctionList)) ?? [];
  }

  /**
   * GET /api/v1/admin/jobs/functions: every job function of every namespace.
   * An admin route: a dashboard or service_role JWT as Bearer; a service key
   * is never read there.
   */
  async listJobFunctions(): Promise<JobFunctionSummary[]> {
    return (await this.transport.request({ method: 'GET', route: apiRoutes.jobFunctions() }, isJobFunctionList)) ?? [];
  }
}
