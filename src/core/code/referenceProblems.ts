import type { CatalogEntry } from '../explorer/secretCatalog';
import { expiryLevel, type ProblemLevel } from '../explorer/problemSeverity';
import { SECRET_VARIABLE_PREFIX } from '../secretVariable';
import { describeExpiry } from './expiryText';
import type { ProvidingSecret, VariableResolution } from './variableResolution';

/** What is wrong with a reference. */
export type ReferenceProblemCode = 'unknownSecret' | 'expiredSecret' | 'expiringSecret';

/** A finding about one reference; its severity follows from its level (problemSeverity.ts). */
export interface ReferenceProblem {
  code: ReferenceProblemCode;
  level: ProblemLevel;
  message: string;
  /** Expired or expiring findings: the secrets whose value or expiry the quick fixes renew. */
  renewable?: readonly CatalogEntry[];
}

/**
 * The problem, if any, of a reference resolved against the catalog: no secret
 * provides a `FLUXBASE_SECRET_…` variable (only judged while at least one
 * connection is signed in; other variables such as `FLUXBASE_URL` may come
 * from the runtime); a providing secret has expired; one expires within 7 days.
 */
export function assessReference(
  resolution: VariableResolution,
  signedInConnections: number,
  now: Date,
): ReferenceProblem | undefined {
  const { variable, status } = resolution;
  if (status === 'unknown') {
    if (signedInConnections === 0 || !isSecretVariable(variable)) {
      return undefined;
    }
    return {
      code: 'unknownSecret',
      level: 'warning',
      message: `No Fluxbase secret provides ${variable}.`,
    };
  }
  if (status === 'expired') {
    return {
      code: 'expiredSecret',
      level: expiryLevel('expired'),
      message: `${variable}: ${describeProviders(resolution.providers, 'expired', now)}. Functions do not get expired secrets.`,
      renewable: providersIn(resolution.providers, 'expired'),
    };
  }
  if (status === 'expiring') {
    return {
      code: 'expiringSecret',
      level: expiryLevel('expiring'),
      message: `${variable}: ${describeProviders(resolution.providers, 'expiring', now)}.`,
      renewable: providersIn(resolution.providers, 'expiring'),
    };
  }
  return undefined;
}

/** True for `FLUXBASE_SECRET_` followed by at least one character. */
export function isSecretVariable(variable: string): boolean {
  return variable.length > SECRET_VARIABLE_PREFIX.length && variable.startsWith(SECRET_VARIABLE_PREFIX);
}

function providersIn(providers: readonly ProvidingSecret[], state: ProvidingSecret['state']): CatalogEntry[] {
  return providers.filter((p) => p.state === state).map((p) => p.entry);
}

function describeProviders(providers: readonly ProvidingSecret[], state: ProvidingSecret['state'], now: Date): string {
  return providers
    .filter((p) => p.state === state)
    .map(({ entry }) => {
      const where = entry.secret.scope === 'namespace' ? `namespace ${entry.secret.namespace ?? ''}` : 'global';
      return `secret ${entry.secret.name} (${where}, ${entry.connectionName}) ${describeExpiry(entry.secret, now)}`;
    })
    .join('; ');
}
