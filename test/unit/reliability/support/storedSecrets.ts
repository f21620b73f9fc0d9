/**
 * What the database holds, read straight from SQLite (read-only, safe while
 * the server runs in WAL mode) and decrypted with the test key: each secret's
 * current version and value, and its history rows.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SecretCipher } from '../../../../server/crypto/secretCipher';

/** One history row. */
export interface StoredVersion {
  readonly version: number;
  readonly ciphertext: string;
  readonly value: string;
}

/** One secret with its history, newest first. */
export interface StoredSecret {
  readonly id: string;
  readonly version: number;
  readonly value: string;
  readonly history: readonly StoredVersion[];
}

/** Every secret in the data folder, by id. */
export function readStoredSecrets(dataDir: string, encryptionKey: string): Map<string, StoredSecret> {
  const cipher = new SecretCipher(Buffer.from(encryptionKey, 'utf8'));
  const db = new Database(join(dataDir, 'fluxbase.db'), { readonly: true, fileMustExist: true });
  try {
    const secrets = db.prepare('SELECT id, version, encrypted_value FROM secrets').all() as {
      id: string;
      version: number;
      encrypted_value: string;
    }[];
    const rows = db
      .prepare('SELECT secret_id, version, encrypted_value FROM secret_versions ORDER BY secret_id, version DESC')
      .all() as { secret_id: string; version: number; encrypted_value: string }[];
    const history = new Map<string, StoredVersion[]>();
    for (const row of rows) {
      const list = history.get(row.secret_id) ?? [];
      list.push({ version: row.version, ciphertext: row.encrypted_value, value: cipher.decrypt(row.encrypted_value) });
      history.set(row.secret_id, list);
    }
    return new Map(
      secrets.map((secret) => [
        secret.id,
        {
          id: secret.id,
          version: secret.version,
          value: cipher.decrypt(secret.encrypted_value),
          history: history.get(secret.id) ?? [],
        },
      ]),
    );
  } finally {
    db.close();
  }
}
