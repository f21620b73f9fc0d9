import type { Secret, SecretScope } from '../api/secretTypes';

/**
 * Names one secret of one connection, as tree nodes, commands, the history
 * panel and the code features pass it around. `id` is the server's UUID, so
 * the ID routes reach the secret whatever its name (contract §8.3).
 */
export interface SecretRef {
  connectionId: string;
  id: string;
  name: string;
  scope: SecretScope;
  /** Set for namespace secrets only. */
  namespace?: string;
}

/** Whether `value` has the shape of a SecretRef (arguments of commands arrive untyped). */
export function isSecretRef(value: unknown): value is SecretRef {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const ref = value as Record<string, unknown>;
  return (
    typeof ref.connectionId === 'string' &&
    typeof ref.id === 'string' &&
    typeof ref.name === 'string' &&
    (ref.scope === 'global' || ref.scope === 'namespace') &&
    (ref.namespace === undefined || typeof ref.namespace === 'string')
  );
}

/** The SecretRef of a secret listed or fetched from a connection. */
export function secretRefOf(
  connectionId: string,
  secret: Pick<Secret, 'id' | 'name' | 'scope' | 'namespace'>,
): SecretRef {
  // built without a spread: this runs once per secret on every tree rebuild
  if (secret.scope === 'namespace' && secret.namespace !== undefined) {
    return { connectionId, id: secret.id, name: secret.name, scope: secret.scope, namespace: secret.namespace };
  }
  return { connectionId, id: secret.id, name: secret.name, scope: secret.scope };
}
