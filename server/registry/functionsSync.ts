/**
 * `POST /api/v1/admin/functions/sync` (contract part 3, §5): create
 * defaults, the update rules (code, bundling and access always; the other
 * fields only when sent; version and source kept), annotations read from
 * the code as sent, `created_by` from the caller, `source` "".
 */
import { randomUUID } from 'node:crypto';
import { storedTimeFromMicros } from '../goCompat/goTime';
import { functionAnnotations } from './annotations';
import type { EdgeFunctionRow } from './functionJson';
import type { RegistryStore } from './registryStore';
import { storedFunctionCode } from './storedCode';
import type { FunctionSpec, SyncRequest } from './syncRequest';
import { runSync, syncResponseObject } from './syncRun';

const bit = (value: boolean): number => (value ? 1 : 0);

function codeColumns(spec: FunctionSpec): Partial<EdgeFunctionRow> {
  const stored = storedFunctionCode(spec);
  const notes = functionAnnotations(spec.code);
  return {
    code: stored.code,
    original_code: stored.originalCode,
    is_bundled: bit(stored.isBundled),
    bundle_error: null,
    allow_unauthenticated: bit(spec.allow_unauthenticated ?? notes.allowUnauthenticated),
    is_public: bit(spec.is_public ?? notes.isPublic),
  };
}

/** The fields an update sets only when the request has them (present and non-null). */
function sentColumns(spec: FunctionSpec): Partial<EdgeFunctionRow> {
  const out: Partial<EdgeFunctionRow> = {};
  if (spec.description !== undefined) out.description = spec.description;
  if (spec.enabled !== undefined) out.enabled = bit(spec.enabled);
  if (spec.timeout_seconds !== undefined) out.timeout_seconds = spec.timeout_seconds;
  if (spec.memory_limit_mb !== undefined) out.memory_limit_mb = spec.memory_limit_mb;
  if (spec.allow_net !== undefined) out.allow_net = bit(spec.allow_net);
  if (spec.allow_env !== undefined) out.allow_env = bit(spec.allow_env);
  if (spec.allow_read !== undefined) out.allow_read = bit(spec.allow_read);
  if (spec.allow_write !== undefined) out.allow_write = bit(spec.allow_write);
  if (spec.cron_schedule !== undefined) out.cron_schedule = spec.cron_schedule;
  return out;
}

/** Runs a functions sync and returns the response object. `createdBy` is the dashboard user, or null. */
export function syncFunctions(
  store: RegistryStore,
  request: SyncRequest<FunctionSpec>,
  createdBy: string | null,
): object {
  const { namespace } = request;
  const now = (): string => storedTimeFromMicros(store.clock());
  const outcome = runSync(
    {
      db: store.db,
      existingNames: () => store.functions.listByNamespace(namespace).map((row) => row.name),
      nameOf: (spec) => spec.name,
      create: (spec) => {
        const at = now();
        store.functions.insert({
          id: randomUUID(),
          name: spec.name,
          namespace,
          description: null,
          version: 1,
          cron_schedule: null,
          enabled: 1,
          timeout_seconds: 30,
          memory_limit_mb: 128,
          allow_net: 1,
          allow_env: 1,
          allow_read: 0,
          allow_write: 0,
          disable_execution_logs: 0,
          ...codeColumns(spec),
          ...sentColumns(spec),
          created_at: at,
          updated_at: at,
          created_by: createdBy,
          source: '',
        } as EdgeFunctionRow);
      },
      update: (spec) => {
        const row = store.functions.get(namespace, spec.name);
        if (row === undefined) throw new Error('function not found');
        store.functions.update({ ...row, ...codeColumns(spec), ...sentColumns(spec), updated_at: now() });
      },
      delete: (name) => {
        store.functions.delete(namespace, name);
      },
    },
    request.items,
    request.deleteMissing,
    request.dryRun,
  );
  const message = request.dryRun ? 'Dry run - no changes made' : 'Functions synced successfully';
  return syncResponseObject(outcome, namespace, request.dryRun, message, 'function', !request.dryRun);
}
