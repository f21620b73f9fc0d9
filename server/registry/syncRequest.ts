/**
 * The bodies of the two sync routes (contract part 3, §5.1 and §6.2),
 * bound with Go's rules. The namespace defaults to "default". Both routes
 * also accept `is_pre_bundled`, which the SDK sends (a local extension).
 */
import { bind, BindError, Bound, bindList, checkDepth, fieldOf, isJsonObject } from './goBind';

const FUNCTION_SPEC = {
  name: 'string',
  description: 'string?',
  code: 'string',
  original_code: 'string?',
  is_bundled: 'bool?',
  is_pre_bundled: 'bool?',
  enabled: 'bool?',
  timeout_seconds: 'int?',
  memory_limit_mb: 'int?',
  allow_net: 'bool?',
  allow_env: 'bool?',
  allow_read: 'bool?',
  allow_write: 'bool?',
  allow_unauthenticated: 'bool?',
  is_public: 'bool?',
  cron_schedule: 'string?',
} as const;

const JOB_SPEC = {
  name: 'string',
  description: 'string?',
  code: 'string',
  original_code: 'string?',
  is_bundled: 'bool?',
  is_pre_bundled: 'bool?',
  enabled: 'bool?',
  schedule: 'string?',
  timeout_seconds: 'int?',
  memory_limit_mb: 'int?',
  max_retries: 'int?',
  progress_timeout_seconds: 'int?',
  allow_net: 'bool?',
  allow_env: 'bool?',
  allow_read: 'bool?',
  allow_write: 'bool?',
  require_roles: 'strings',
} as const;

const OPTIONS_SPEC = { delete_missing: 'bool', dry_run: 'bool' } as const;

/** One function of a functions sync. */
export type FunctionSpec = Bound<typeof FUNCTION_SPEC>;
/** One job of a jobs sync. */
export type JobSpec = Bound<typeof JOB_SPEC>;

/** A bound sync body. */
export interface SyncRequest<T> {
  namespace: string;
  items: T[];
  deleteMissing: boolean;
  dryRun: boolean;
}

function parse(text: string): unknown {
  checkDepth(text);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BindError('not JSON');
  }
}

function bindSync<T>(text: string, listKey: string, bindItem: (item: unknown) => T): SyncRequest<T> | undefined {
  try {
    const json = parse(text);
    const top = bind(json, { namespace: 'string' });
    const fields = isJsonObject(json) ? json : {};
    const items = bindList(fieldOf(fields, listKey)).map(bindItem);
    const options = bind(fieldOf(fields, 'options') ?? null, OPTIONS_SPEC);
    return {
      namespace: top.namespace === '' ? 'default' : top.namespace,
      items,
      deleteMissing: options.delete_missing,
      dryRun: options.dry_run,
    };
  } catch (error) {
    if (error instanceof BindError) return undefined;
    throw error;
  }
}

/** The functions sync body, or undefined for `400 Invalid request body`. */
export function bindFunctionsSync(text: string): SyncRequest<FunctionSpec> | undefined {
  return bindSync(text, 'functions', (item) => bind(item, FUNCTION_SPEC));
}

/** The jobs sync body, or undefined for `400 Invalid request body`. */
export function bindJobsSync(text: string): SyncRequest<JobSpec> | undefined {
  return bindSync(text, 'jobs', (item) => bind(item, JOB_SPEC));
}
