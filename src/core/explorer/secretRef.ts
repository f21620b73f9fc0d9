import type { Secret } from '../api/secretTypes';
import type { SecretRef } from '../../shared/secretRef';

/** The SecretRef of a secret listed or fetched from a connection. */
export function secretRefOf(
  connectionId: string,
  secret: Pick<Secret, 'id' | 'name' | 'scope' | 'namespace'>,
): SecretRef {
  return {
    connectionId,
    id: secret.id,
    name: secret.name,
    scope: secret.scope,
    ...(secret.scope === 'namespace' && secret.namespace !== undefined ? { namespace: secret.namespace } : {}),
  };
}
