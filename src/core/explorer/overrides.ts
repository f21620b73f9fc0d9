import type { SecretSummary } from '../api/secretTypes';
import { secretVariableName } from '../secretVariable';

/**
 * The global secrets that `secret` (a namespace secret) hides from functions
 * of its namespace: those with the same variable name, since the runtime
 * keys secrets by `FLUXBASE_SECRET_<UPPER(name)>` and lets the namespace one
 * win (contract §5). Empty for a global secret.
 */
export function overriddenGlobals(secret: SecretSummary, all: readonly SecretSummary[]): SecretSummary[] {
  if (secret.scope !== 'namespace') {
    return [];
  }
  const variable = secretVariableName(secret.name);
  return all.filter((other) => other.scope === 'global' && secretVariableName(other.name) === variable);
}

/** The namespaces whose secrets hide the global `secret`, sorted. Empty for a namespace secret. */
export function overridingNamespaces(secret: SecretSummary, all: readonly SecretSummary[]): string[] {
  if (secret.scope !== 'global') {
    return [];
  }
  const variable = secretVariableName(secret.name);
  const namespaces = all
    .filter((other) => other.scope === 'namespace' && secretVariableName(other.name) === variable)
    .map((other) => other.namespace ?? '');
  return [...new Set(namespaces)].sort(compareNames);
}

/** Orders names as a person expects (case-insensitively), with a deterministic tie-break. */
export function compareNames(a: string, b: string): number {
  return a.localeCompare(b, 'en', { sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);
}
