/**
 * Service keys: only a prefix (for lookup) and a SHA-256 hash of each key are
 * stored, never the key itself.
 */
import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from './database';

/** A stored service key. `scopes` is a JSON array of strings. */
export interface ServiceKeyRow {
  id: string;
  name: string;
  key_prefix: string;
  key_hash: string;
  scopes: string;
  enabled: number;
  expires_at: string | null;
  created_at: string;
}

/** Data access for service keys. */
export class ServiceKeysRepository {
  readonly #byPrefix: Statement;
  readonly #insert: Statement;
  readonly #all: Statement;

  constructor(db: SqliteDatabase) {
    this.#byPrefix = db.prepare('SELECT * FROM service_keys WHERE key_prefix = ?');
    this.#insert = db.prepare(`INSERT INTO service_keys
        (id, name, key_prefix, key_hash, scopes, enabled, expires_at, created_at)
      VALUES (@id, @name, @key_prefix, @key_hash, @scopes, @enabled, @expires_at, @created_at)`);
    this.#all = db.prepare('SELECT * FROM service_keys ORDER BY created_at ASC');
  }

  /** Every key whose first 16 characters are `prefix`. */
  findByPrefix(prefix: string): ServiceKeyRow[] {
    return this.#byPrefix.all(prefix) as ServiceKeyRow[];
  }

  /** Stores a new key row. */
  insert(row: ServiceKeyRow): void {
    this.#insert.run(row);
  }

  /** All keys, oldest first (without anything secret: the hash is not a key). */
  list(): ServiceKeyRow[] {
    return this.#all.all() as ServiceKeyRow[];
  }
}
