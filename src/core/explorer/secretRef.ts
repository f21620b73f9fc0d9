import type { Secret } from '../api/secretTypes';
import type { SecretRef } from '../../shared/secretRef';

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
