/**
 * The JobFunction and JobFunctionSummary objects of contract part 3, §6.1:
 * struct-field order with Go's `omitempty` on description, code,
 * original_code, bundle_error, schedule, require_roles and created_by.
 */
import { storedTimeToJson } from '../goCompat/goTime';
import type { StoredRow } from './registryTable';

/** A stored job function. Booleans are 0/1; `require_roles` is a JSON array or null. */
export interface JobFunctionRow extends StoredRow {
  id: string;
  name: string;
  namespace: string;
  description: string | null;
  code: string | null;
  original_code: string | null;
  is_bundled: number;
  bundle_error: string | null;
  enabled: number;
  schedule: string | null;
  timeout_seconds: number;
  memory_limit_mb: number;
  max_retries: number;
  progress_timeout_seconds: number;
  allow_net: number;
  allow_env: number;
  allow_read: number;
  allow_write: number;
  require_roles: string | null;
  disable_execution_logs: number;
  version: number;
  created_by: string | null;
  source: string;
  created_at: string;
  updated_at: string;
}

/** The columns of job_functions, in table order. */
export const JOB_FUNCTION_COLUMNS: readonly (keyof JobFunctionRow & string)[] = [
  'id',
  'name',
  'namespace',
  'description',
  'code',
  'original_code',
  'is_bundled',
  'bundle_error',
  'enabled',
  'schedule',
  'timeout_seconds',
  'memory_limit_mb',
  'max_retries',
  'progress_timeout_seconds',
  'allow_net',
  'allow_env',
  'allow_read',
  'allow_write',
  'require_roles',
  'disable_execution_logs',
  'version',
  'created_by',
  'source',
  'created_at',
  'updated_at',
];

/** `omitempty` of a *string or string field: absent when null or "". */
function optional(key: string, value: string | null): object {
  return value === null || value === '' ? {} : { [key]: value };
}

function roles(stored: string | null): object {
  const list: unknown = stored === null ? [] : JSON.parse(stored);
  return Array.isArray(list) && list.length > 0 ? { require_roles: list } : {};
}

function jobObject(row: JobFunctionRow, withCode: boolean): object {
  return {
    id: row.id,
    name: row.name,
    namespace: row.namespace,
    ...optional('description', row.description),
    ...(withCode ? { ...optional('code', row.code), ...optional('original_code', row.original_code) } : {}),
    is_bundled: row.is_bundled === 1,
    ...optional('bundle_error', row.bundle_error),
    enabled: row.enabled === 1,
    ...optional('schedule', row.schedule),
    timeout_seconds: row.timeout_seconds,
    memory_limit_mb: row.memory_limit_mb,
    max_retries: row.max_retries,
    progress_timeout_seconds: row.progress_timeout_seconds,
    allow_net: row.allow_net === 1,
    allow_env: row.allow_env === 1,
    allow_read: row.allow_read === 1,
    allow_write: row.allow_write === 1,
    ...roles(row.require_roles),
    disable_execution_logs: row.disable_execution_logs === 1,
    version: row.version,
    ...optional('created_by', row.created_by),
    source: row.source,
    created_at: storedTimeToJson(row.created_at),
    updated_at: storedTimeToJson(row.updated_at),
  };
}

/** A JobFunctionSummary (list item): no code. */
export function jobSummaryObject(row: JobFunctionRow): object {
  return jobObject(row, false);
}

/** A full JobFunction (get). */
export function jobDetailObject(row: JobFunctionRow): object {
  return jobObject(row, true);
}
