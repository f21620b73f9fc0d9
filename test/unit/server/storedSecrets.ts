/** What the storage tests write straight into a repository: a fixed stored instant and a global secret. */
import type { NewSecret } from '../../../server/storage/secretsRepository';

/** An instant in the stored form. */
export const NOW = '2026-01-01T00:00:00.000000Z';

/** A global secret called `name` with made-up ciphertext. */
export function secret(name: string): NewSecret {
  return {
    name,
    scope: 'global',
    namespace: null,
    encryptedValue: 'ciphertext',
    description: null,
    expiresAt: null,
    createdBy: null,
  };
}
