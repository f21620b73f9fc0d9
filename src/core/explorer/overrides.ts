import type { SecretSummary } from '../api/secretTypes';
import { secretVariableName } from '../secretVariable';
import { runToEnd, type Steps } from '../slicedWork';

/** Secrets indexed, partitioned or described per step by the explorer's stepwise builds (core/slicedWork.ts). */
export const STEP_SECRETS = 1000;

/**
 * Which secrets of one connection override which. The runtime keys secrets by
 * `FLUXBASE_SECRET_<UPPER(name)>` and lets a namespace secret win over a
 * global one with the same variable (contract §5).
 */
export interface OverrideIndex {
  /**
   * The global secrets that `secret` (a namespace secret) hides from functions
   * of its namespace: those with the same variable. Empty for a global secret.
   */
  overriddenGlobals(secret: SecretSummary): readonly SecretSummary[];
  /** The namespaces whose secrets hide the global `secret`, sorted. Empty for a namespace secret. */
  overridingNamespaces(secret: SecretSummary): readonly string[];
}

/**
 * Indexes `all` (every secret of a connection) by variable name in one pass,
 * so that each lookup costs a map access instead of a scan of the list. The
 * answers are shared between lookups: read them, do not change them.
 */
export function createOverrideIndex(all: readonly SecretSummary[]): OverrideIndex {
  return runToEnd(overrideIndexSteps(all));
}

/** {@link createOverrideIndex} as steps, one per {@link STEP_SECRETS} secrets. */
export function* overrideIndexSteps(all: readonly SecretSummary[]): Steps<OverrideIndex> {
  const globalsByVariable = new Map<string, SecretSummary[]>();
  const namespacesByVariable = new Map<string, Set<string>>();
  // the same names recur in many namespaces: each is upper-cased once
  const variables = new Map<string, string>();
  const variableOf = (name: string): string => {
    let variable = variables.get(name);
    if (variable === undefined) {
      variable = secretVariableName(name);
      variables.set(name, variable);
    }
    return variable;
  };
  for (let i = 0; i < all.length; i++) {
    if (i > 0 && i % STEP_SECRETS === 0) yield;
    const secret = all[i] as SecretSummary;
    const variable = variableOf(secret.name);
    if (secret.scope === 'global') {
      const globals = globalsByVariable.get(variable);
      if (globals) {
        globals.push(secret);
      } else {
        globalsByVariable.set(variable, [secret]);
      }
    } else if (secret.scope === 'namespace') {
      const namespaces = namespacesByVariable.get(variable);
      if (namespaces) {
        namespaces.add(secret.namespace ?? '');
      } else {
        namespacesByVariable.set(variable, new Set([secret.namespace ?? '']));
      }
    }
  }
  const sortedNamespaces = new Map<string, readonly string[]>();
  return {
    overriddenGlobals: (secret) =>
      secret.scope === 'namespace' ? (globalsByVariable.get(variableOf(secret.name)) ?? NONE) : NONE,
    overridingNamespaces: (secret) => {
      if (secret.scope !== 'global') {
        return NONE;
      }
      const variable = variableOf(secret.name);
      let sorted = sortedNamespaces.get(variable);
      if (sorted === undefined) {
        sorted = [...(namespacesByVariable.get(variable) ?? [])].sort(compareNames);
        sortedNamespaces.set(variable, sorted);
      }
      return sorted;
    },
  };
}

const NONE: readonly never[] = [];

/** One collator for every comparison (`localeCompare` with options builds one per call), made on first use to keep activation fast. */
let nameCollator: Intl.Collator | undefined;

/** Orders names as a person expects (case-insensitively), with a deterministic tie-break. */
export function compareNames(a: string, b: string): number {
  return (
    (nameCollator ??= new Intl.Collator('en', { sensitivity: 'base' })).compare(a, b) || (a < b ? -1 : a > b ? 1 : 0)
  );
}
