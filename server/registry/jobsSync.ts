/**
 * `POST /api/v1/admin/jobs/sync` (contract part 3, §6.2): the `jobs` array,
 * create defaults (timeouts, memory, retries from the request, else the
 * code's annotations, else 300/256/0/300), `version + 1` on update,
 * `disable_execution_logs` reset, `source` "api", errors keyed `job`. An
 * empty or missing `jobs` is a filesystem sync of the server's jobs
 * directory; the local server has none, so it answers as a sync of an empty
 * directory (nothing changes).
 */
import { randomUUID } from 'node:crypto';
import { storedTimeFromMicros } from '../goCompat/goTime';
import { jobAnnotations } from './annotations';
import type { JobFunctionRow } from './jobJson';
import type { RegistryStore } from './registryStore';
import { storedJobCode } from './storedCode';
import type { JobSpec, SyncRequest } from './syncRequest';
import { runSync, syncResponseObject } from './syncRun';

const bit = (value: boolean): number => (value ? 1 : 0);

/** The answer of a filesystem sync that found an empty directory. */
function emptyDirectoryResponse(namespace: string): object {
  return syncResponseObject(
    { created: [], updated: [], deleted: [], errors: [] },
    namespace,
    false,
    'Jobs synced from filesystem',
    'job',
    true,
  );
}

/** Columns every create and update sets from the request (and, for numbers, the annotations). */
function codeColumns(spec: JobSpec): Partial<JobFunctionRow> {
  const stored = storedJobCode(spec);
  return { code: stored.code, original_code: stored.originalCode, is_bundled: bit(stored.isBundled) };
}

function numbers(spec: JobSpec): Partial<JobFunctionRow> {
  const notes = jobAnnotations(
    spec.original_code !== undefined && spec.original_code !== '' ? spec.original_code : spec.code,
  );
  const out: Partial<JobFunctionRow> = {};
  const timeout = spec.timeout_seconds ?? notes.timeoutSeconds;
  const memory = spec.memory_limit_mb ?? notes.memoryLimitMb;
  const retries = spec.max_retries ?? notes.maxRetries;
  const progress = spec.progress_timeout_seconds ?? notes.progressTimeoutSeconds;
  if (timeout !== undefined) out.timeout_seconds = timeout;
  if (memory !== undefined) out.memory_limit_mb = memory;
  if (retries !== undefined) out.max_retries = retries;
  if (progress !== undefined) out.progress_timeout_seconds = progress;
  return out;
}

/** The fields set only when the request has them. */
function sentColumns(spec: JobSpec): Partial<JobFunctionRow> {
  const out: Partial<JobFunctionRow> = {};
  if (spec.description !== undefined) out.description = spec.description;
  if (spec.enabled !== undefined) out.enabled = bit(spec.enabled);
  if (spec.schedule !== undefined) out.schedule = spec.schedule;
  if (spec.allow_net !== undefined) out.allow_net = bit(spec.allow_net);
  if (spec.allow_env !== undefined) out.allow_env = bit(spec.allow_env);
  if (spec.allow_read !== undefined) out.allow_read = bit(spec.allow_read);
  if (spec.allow_write !== undefined) out.allow_write = bit(spec.allow_write);
  if (spec.require_roles !== undefined) {
    out.require_roles = spec.require_roles.length === 0 ? null : JSON.stringify(spec.require_roles);
  }
  return out;
}

/** Runs a jobs sync and returns the response object. `createdBy` is the dashboard user, or null. */
export function syncJobs(store: RegistryStore, request: SyncRequest<JobSpec>, createdBy: string | null): object {
  const { namespace } = request;
  if (request.items.length === 0) return emptyDirectoryResponse(namespace);
  const now = (): string => storedTimeFromMicros(store.clock());
  const outcome = runSync(
    {
      db: store.db,
      existingNames: () => store.jobs.listByNamespace(namespace).map((row) => row.name),
      nameOf: (spec) => spec.name,
      create: (spec) => {
        const at = now();
        store.jobs.insert({
          id: randomUUID(),
          name: spec.name,
          namespace,
          description: null,
          bundle_error: null,
          enabled: 1,
          schedule: null,
          timeout_seconds: 300,
          memory_limit_mb: 256,
          max_retries: 0,
          progress_timeout_seconds: 300,
          allow_net: 1,
          allow_env: 1,
          allow_read: 0,
          allow_write: 0,
          require_roles: null,
          disable_execution_logs: 0,
          version: 1,
          ...codeColumns(spec),
          ...numbers(spec),
          ...sentColumns(spec),
          created_by: createdBy,
          source: 'api',
          created_at: at,
          updated_at: at,
        } as JobFunctionRow);
      },
      update: (spec) => {
        const row = store.jobs.get(namespace, spec.name);
        if (row === undefined) throw new Error('job function not found');
        store.jobs.update({
          ...row,
          ...codeColumns(spec),
          ...numbers(spec),
          ...sentColumns(spec),
          disable_execution_logs: 0,
          version: row.version + 1,
          updated_at: now(),
        });
      },
      delete: (name) => {
        store.jobs.delete(namespace, name);
      },
    },
    request.items,
    request.deleteMissing,
    request.dryRun,
  );
  const message = request.dryRun ? 'Dry run - no changes made' : 'Jobs synced successfully';
  return syncResponseObject(outcome, namespace, request.dryRun, message, 'job', true);
}
