/**
 * The EdgeFunction (32 keys) and EdgeFunctionSummary (30 keys) objects of
 * contract part 3, §4: struct-field order, no omitempty, so every nullable
 * field is an explicit `null`. CORS and rate-limit fields are always null
 * locally: the only write route, sync, does not accept them (§5.1).
 */
import { storedTimeToJson } from '../goCompat/goTime';
import type { StoredRow } from './registryTable';

/** A stored edge function. Booleans are 0/1. */
export interface EdgeFunctionRow extends StoredRow {
  id: string;
  name: string;
  namespace: string;
  description: string | null;
  code: string;
  original_code: string | null;
  is_bundled: number;
  bundle_error: string | null;
  version: number;
  cron_schedule: string | null;
  enabled: number;
  timeout_seconds: number;
  memory_limit_mb: number;
  allow_net: number;
  allow_env: number;
  allow_read: number;
  allow_write: number;
  allow_unauthenticated: number;
  is_public: number;
  disable_execution_logs: number;
  created_at: string;
  updated_at: string;
  created_by: string | null;
  source: string;
}

/** The columns of edge_functions, in table order. */
export const EDGE_FUNCTION_COLUMNS: readonly (keyof EdgeFunctionRow & string)[] = [
  'id',
  'name',
  'namespace',
  'description',
  'code',
  'original_code',
  'is_bundled',
  'bundle_error',
  'version',
  'cron_schedule',
  'enabled',
  'timeout_seconds',
  'memory_limit_mb',
  'allow_net',
  'allow_env',
  'allow_read',
  'allow_write',
  'allow_unauthenticated',
  'is_public',
  'disable_execution_logs',
  'created_at',
  'updated_at',
  'created_by',
  'source',
];

function functionObject(row: EdgeFunctionRow, withCode: boolean): object {
  return {
    id: row.id,
    name: row.name,
    namespace: row.namespace,
    description: row.description,
    ...(withCode ? { code: row.code, original_code: row.original_code } : {}),
    is_bundled: row.is_bundled === 1,
    bundle_error: row.bundle_error,
    version: row.version,
    cron_schedule: row.cron_schedule,
    enabled: row.enabled === 1,
    timeout_seconds: row.timeout_seconds,
    memory_limit_mb: row.memory_limit_mb,
    allow_net: row.allow_net === 1,
    allow_env: row.allow_env === 1,
    allow_read: row.allow_read === 1,
    allow_write: row.allow_write === 1,
    allow_unauthenticated: row.allow_unauthenticated === 1,
    is_public: row.is_public === 1,
    disable_execution_logs: row.disable_execution_logs === 1,
    cors_origins: null,
    cors_methods: null,
    cors_headers: null,
    cors_credentials: null,
    cors_max_age: null,
    rate_limit_per_minute: null,
    rate_limit_per_hour: null,
    rate_limit_per_day: null,
    created_at: storedTimeToJson(row.created_at),
    updated_at: storedTimeToJson(row.updated_at),
    created_by: row.created_by,
    source: row.source,
  };
}

/** An EdgeFunctionSummary (list item): no `code`, no `original_code`. */
export function functionSummaryObject(row: EdgeFunctionRow): object {
  return functionObject(row, false);
}

/** A full EdgeFunction (get). */
export function functionDetailObject(row: EdgeFunctionRow): object {
  return functionObject(row, true);
}
