import type { SecretScope, SecretSummary } from '../api/secretTypes';
import { secretVariableName } from '../secretVariable';
import type { InputValidation } from '../userInput';

/** Where a new secret goes. */
export interface SecretPlacement {
  scope: SecretScope;
  namespace?: string;
}

/**
 * Judges the name of a new secret against the secrets already on the
 * connection. Errors: empty, surrounding spaces, or the exact name already
 * taken in that scope (the server would answer 409). Warnings: its variable
 * `FLUXBASE_SECRET_<UPPER(name)>` is also another secret's variable — the
 * same functions would see only one of them (contract §5).
 */
export function validateSecretName(
  name: string,
  placement: SecretPlacement,
  existing: readonly SecretSummary[],
): InputValidation | undefined {
  if (name === '') {
    return { severity: 'error', message: 'Enter a name' };
  }
  if (name !== name.trim()) {
    return { severity: 'error', message: 'The name must not start or end with a space' };
  }
  const samePlace = (secret: SecretSummary): boolean =>
    secret.scope === placement.scope && (placement.scope === 'global' || secret.namespace === placement.namespace);
  if (existing.some((secret) => samePlace(secret) && secret.name === name)) {
    return { severity: 'error', message: `"${name}" already exists ${placementText(placement)}` };
  }
  const variable = secretVariableName(name);
  const clashes = existing.filter((secret) => secretVariableName(secret.name) === variable);
  const twin = clashes.find(samePlace);
  if (twin) {
    return {
      severity: 'warning',
      message: `${variable} is also the variable of "${twin.name}" ${placementText(placement)}: functions would get one of the two at random`,
    };
  }
  if (placement.scope === 'namespace') {
    const global = clashes.find((secret) => secret.scope === 'global');
    if (global) {
      return {
        severity: 'warning',
        message: `${variable} overrides the global secret "${global.name}" for functions in namespace ${placement.namespace ?? ''}`,
      };
    }
  } else {
    const namespaces = [...new Set(clashes.map((secret) => secret.namespace ?? ''))];
    if (namespaces.length > 0) {
      return {
        severity: 'warning',
        message: `${variable} is overridden by a secret of namespace ${namespaces.join(', ')}: functions there will not see this one`,
      };
    }
  }
  if (!/^[A-Za-z0-9_]+$/.test(name)) {
    return {
      severity: 'warning',
      message: `Functions read it as ${variable}; characters other than letters, digits and _ make that variable awkward to use`,
    };
  }
  return undefined;
}

/** "globally" or "in namespace N". */
export function placementText(placement: SecretPlacement): string {
  return placement.scope === 'global' ? 'globally' : `in namespace ${placement.namespace ?? ''}`;
}
