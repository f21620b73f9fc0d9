import type { SecretSummary } from '../api/secretTypes';
import { secretVariableName } from '../secretVariable';

/**
 * Whether `secret` matches the explorer's filter text: case-insensitively in
 * its name, variable name, description or namespace (like the admin UI's
 * search). An empty filter matches everything.
 */
export function matchesFilter(secret: SecretSummary, filter: string): boolean {
  const needle = filter.trim().toLowerCase();
  if (needle === '') {
    return true;
  }
  return [secret.name, secretVariableName(secret.name), secret.description ?? '', secret.namespace ?? ''].some(
    (field) => field.toLowerCase().includes(needle),
  );
}
