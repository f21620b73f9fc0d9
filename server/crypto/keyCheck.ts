/**
 * Guards against mixing encryption keys in one data folder: the first start
 * stores a known text encrypted with the key; later starts must be able to
 * decrypt it, or the server refuses to start.
 */
import type { SqliteDatabase } from '../storage/database';
import { readMeta, writeMeta } from '../storage/database';
import type { SecretCipher } from './secretCipher';

const META_KEY = 'encryption_key_check';
const CHECK_TEXT = 'fluxbase-local-key-check';

/** Stores the check value on first use; throws when the key differs from the one the data was written with. */
export function ensureKeyMatchesData(db: SqliteDatabase, cipher: SecretCipher, dataDir: string): void {
  const stored = readMeta(db, META_KEY);
  if (stored === undefined) {
    writeMeta(db, META_KEY, cipher.encrypt(CHECK_TEXT));
    return;
  }
  let matches = false;
  try {
    matches = cipher.decrypt(stored) === CHECK_TEXT;
  } catch {
    matches = false;
  }
  if (!matches) {
    throw new Error(
      `the encryption key does not match the one the data in ${dataDir} was encrypted with ` +
        '(check FLUXBASE_ENCRYPTION_KEY, or the encryption.key file of that folder)',
    );
  }
}
