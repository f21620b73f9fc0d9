/**
 * The variables the Fluxbase runtime sets for function and job code besides
 * function secrets (contract part 2, §3.1). They are completed with their
 * meaning and never reported as unknown secrets.
 */

/** Which code gets a runtime variable. */
export type RuntimeAudience = 'function' | 'job' | 'both';

/** One runtime variable and what it holds. */
export interface RuntimeVariable {
  name: string;
  audience: RuntimeAudience;
  meaning: string;
}

/** The fixed runtime variables, functions first, then jobs. */
export const RUNTIME_VARIABLES: readonly RuntimeVariable[] = [
  {
    name: 'FLUXBASE_URL',
    audience: 'both',
    meaning: "Base URL for calling the Fluxbase API (the server's base URL); unset when the server has none",
  },
  { name: 'FLUXBASE_EXECUTION_ID', audience: 'function', meaning: 'UUID of this execution' },
  { name: 'FLUXBASE_FUNCTION_NAME', audience: 'function', meaning: "The function's name" },
  {
    name: 'FLUXBASE_FUNCTION_NAMESPACE',
    audience: 'function',
    meaning:
      "The function's namespace; empty for functions created by the server's filesystem loader or functions create",
  },
  {
    name: 'FLUXBASE_USER_TOKEN',
    audience: 'function',
    meaning:
      "Access JWT of the invoking user (role authenticated when no user is known), valid for the execution's timeout",
  },
  {
    name: 'FLUXBASE_SERVICE_TOKEN',
    audience: 'both',
    meaning: 'service_role JWT that bypasses row-level security',
  },
  {
    name: 'FLUXBASE_FUNCTION_CANCELLED',
    audience: 'function',
    meaning: '"true" or "false", read once when the process starts, so in effect always "false"',
  },
  { name: 'FLUXBASE_JOB_ID', audience: 'job', meaning: 'ID of this job run' },
  { name: 'FLUXBASE_JOB_NAME', audience: 'job', meaning: "The job's name" },
  { name: 'FLUXBASE_JOB_NAMESPACE', audience: 'job', meaning: "The job's namespace" },
  {
    name: 'FLUXBASE_JOB_TOKEN',
    audience: 'job',
    meaning: "The job's user access JWT (the job equivalent of FLUXBASE_USER_TOKEN)",
  },
  {
    name: 'FLUXBASE_JOB_CANCELLED',
    audience: 'job',
    meaning: '"true" or "false", read once when the process starts',
  },
];

/** `FLUXBASE_SETTING_<KEY>`: a system settings secret (key upper-cased, `.` as `_`), in every function and job. */
export const SETTING_PREFIX = 'FLUXBASE_SETTING_';
/** `FLUXBASE_USER_<KEY>`: the invoking user's settings secret (for jobs: the job's creator). */
export const USER_SETTING_PREFIX = 'FLUXBASE_USER_';

/** What a runtime variable is, for completion and hover; undefined for other variables. */
export interface RuntimeVariableInfo {
  name: string;
  meaning: string;
  audience: RuntimeAudience;
  /** The variable is set for functions only (or jobs only) and the code is the other kind. */
  notSetFor?: 'function' | 'job';
}

/**
 * Explains `variable` for code of `kind` (undefined outside functions and
 * jobs: then every audience applies). Settings-secret prefixes are
 * recognised with any key; `FLUXBASE_USER_TOKEN` is the runtime's token,
 * although a user settings secret with key `token` would shadow it.
 */
export function runtimeVariableInfo(
  variable: string,
  kind: 'function' | 'job' | undefined,
): RuntimeVariableInfo | undefined {
  const fixed = RUNTIME_VARIABLES.find((v) => v.name === variable);
  if (fixed) {
    const notSetFor = kind !== undefined && fixed.audience !== 'both' && fixed.audience !== kind ? kind : undefined;
    const meaning =
      fixed.name === 'FLUXBASE_USER_TOKEN'
        ? `${fixed.meaning}. A user settings secret with key "token" would replace it`
        : fixed.meaning;
    return { name: fixed.name, meaning, audience: fixed.audience, ...(notSetFor ? { notSetFor } : {}) };
  }
  for (const [prefix, what] of [
    [SETTING_PREFIX, 'System settings secret'],
    [USER_SETTING_PREFIX, "The invoking user's settings secret (for jobs: the job creator's)"],
  ] as const) {
    if (variable.length > prefix.length && variable.startsWith(prefix)) {
      return {
        name: variable,
        audience: 'both',
        meaning: `${what} ${variable.slice(prefix.length)} (fluxbase settings secrets; key upper-cased, "." as "_"). Not namespaced`,
      };
    }
  }
  return undefined;
}

/** The runtime variables to complete in code of `kind` (all of them outside functions and jobs). */
export function runtimeVariablesFor(kind: 'function' | 'job' | undefined): RuntimeVariable[] {
  return RUNTIME_VARIABLES.filter((v) => kind === undefined || v.audience === 'both' || v.audience === kind);
}
