import type { SecretScope, SecretSummary } from '../api/secretTypes';
import { SECRET_VARIABLE_PREFIX, secretVariableName } from '../secretVariable';
import type { ParsedEnvFile } from './envFile';

/** Where imported secrets go. */
export type ImportTarget = { scope: 'global' } | { scope: 'namespace'; namespace: string };

/** What importing one line of a `.env` file would do. Line numbers are 0-based. */
export type ImportItem =
  | { kind: 'create'; key: string; line: number; name: string; variable: string; value: string }
  | { kind: 'update'; key: string; line: number; name: string; variable: string; value: string; secretId: string }
  | { kind: 'invalid'; key?: string; line: number; reason: string };

/** An item that would write to the server. */
export type WritableImportItem = Extract<ImportItem, { kind: 'create' | 'update' }>;

/**
 * The secret name for a `.env` key: a `FLUXBASE_SECRET_` prefix is dropped so
 * that a file of variable names (as `.env.example` exports write them) maps
 * back to the same secrets; any other key is the name as written.
 */
export function secretNameForEnvKey(key: string): string {
  return key.startsWith(SECRET_VARIABLE_PREFIX) && key.length > SECRET_VARIABLE_PREFIX.length
    ? key.slice(SECRET_VARIABLE_PREFIX.length)
    : key;
}

/** True when `secret` lives in `target`. */
export function isInTarget(secret: Pick<SecretSummary, 'scope' | 'namespace'>, target: ImportTarget): boolean {
  return target.scope === 'global'
    ? secret.scope === 'global'
    : secret.scope === 'namespace' && secret.namespace === target.namespace;
}

/** The target's scope and namespace as the create request takes them. */
export function targetFields(target: ImportTarget): { scope: SecretScope; namespace?: string } {
  return target.scope === 'global' ? { scope: 'global' } : { scope: 'namespace', namespace: target.namespace };
}

/**
 * Plans an import into `target`, given the secrets it already holds: an entry
 * whose variable an existing secret of the target provides updates that
 * secret, any other creates one; unusable lines, keys whose variable a later
 * line sets again (the later one wins, as in dotenv) and variables that
 * several existing secrets provide are invalid. Items are in line order.
 */
export function planEnvImport(
  parsed: ParsedEnvFile,
  existing: readonly SecretSummary[],
  target: ImportTarget,
): ImportItem[] {
  const existingByVariable = new Map<string, SecretSummary[]>();
  for (const secret of existing.filter((s) => isInTarget(s, target))) {
    const variable = secretVariableName(secret.name);
    existingByVariable.set(variable, [...(existingByVariable.get(variable) ?? []), secret]);
  }

  const lastLineOfVariable = new Map<string, number>();
  for (const entry of parsed.entries) {
    lastLineOfVariable.set(secretVariableName(secretNameForEnvKey(entry.key)), entry.line);
  }

  const items: ImportItem[] = parsed.problems.map((problem) => ({ kind: 'invalid', ...problem }));
  for (const { key, value, line } of parsed.entries) {
    const name = secretNameForEnvKey(key);
    const variable = secretVariableName(name);
    const winningLine = lastLineOfVariable.get(variable) ?? line;
    const matches = existingByVariable.get(variable) ?? [];
    const existingSecret = matches[0];
    if (winningLine !== line) {
      items.push({ kind: 'invalid', key, line, reason: `line ${winningLine + 1} sets ${variable} again and wins` });
    } else if (matches.length > 1) {
      const names = matches.map((s) => s.name).join(', ');
      items.push({ kind: 'invalid', key, line, reason: `several secrets provide ${variable} here (${names})` });
    } else if (existingSecret) {
      items.push({
        kind: 'update',
        key,
        line,
        name: existingSecret.name,
        variable,
        value,
        secretId: existingSecret.id,
      });
    } else {
      items.push({ kind: 'create', key, line, name, variable, value });
    }
  }
  return items.sort((a, b) => a.line - b.line);
}
