import type { SecretSummary } from '../api/secretTypes';
import { expiryStateOf } from '../../shared/expiry';
import { secretVariableName } from '../secretVariable';
import { compareNames } from './overrides';

/** One environment variable a function of a namespace receives. */
export interface EffectiveVariable {
  /** `FLUXBASE_SECRET_<UPPER(name)>`, or the name itself when it starts with `FLUXBASE_`. */
  variable: string;
  /** The secret whose value the function sees. */
  secret: SecretSummary;
  /** The global secret with the same variable that `secret` hides, if any. */
  overrides?: SecretSummary;
  /**
   * Other secrets of the same scope with the same variable (names that differ
   * only in case): which value wins is not defined at run time (contract §5).
   */
  ambiguousWith: SecretSummary[];
}

/**
 * What a function in `namespace` sees (contract §5): every global secret plus
 * the secrets of that namespace, a namespace secret winning over a global
 * one with the same variable, expired secrets (expiry not after `now`) left
 * out. Sorted by variable name.
 */
export function effectiveVariables(
  secrets: readonly SecretSummary[],
  namespace: string,
  now: number,
): EffectiveVariable[] {
  const at = new Date(now);
  const live = secrets.filter((secret) => expiryStateOf(secret, at) !== 'expired');
  const globals = groupByVariable(live.filter((secret) => secret.scope === 'global'));
  const locals = groupByVariable(
    live.filter((secret) => secret.scope === 'namespace' && secret.namespace === namespace),
  );

  const result: EffectiveVariable[] = [];
  for (const variable of new Set([...globals.keys(), ...locals.keys()])) {
    const fromNamespace = locals.get(variable);
    const fromGlobal = globals.get(variable);
    const winners = fromNamespace ?? fromGlobal ?? [];
    const [secret, ...ambiguousWith] = winners;
    if (secret === undefined) {
      continue;
    }
    const overrides = fromNamespace ? fromGlobal?.[0] : undefined;
    result.push({ variable, secret, ...(overrides ? { overrides } : {}), ambiguousWith });
  }
  return result.sort((a, b) => compareNames(a.variable, b.variable));
}

function groupByVariable(secrets: readonly SecretSummary[]): Map<string, SecretSummary[]> {
  const groups = new Map<string, SecretSummary[]>();
  for (const secret of [...secrets].sort((a, b) => compareNames(a.name, b.name))) {
    const variable = secretVariableName(secret.name);
    groups.set(variable, [...(groups.get(variable) ?? []), secret]);
  }
  return groups;
}

/** The namespaces that secrets of a connection use, sorted. */
export function namespacesOf(secrets: readonly SecretSummary[]): string[] {
  const namespaces = secrets.flatMap((secret) =>
    secret.scope === 'namespace' && secret.namespace !== undefined ? [secret.namespace] : [],
  );
  return [...new Set(namespaces)].sort(compareNames);
}
