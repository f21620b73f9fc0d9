/**
 * Service keys: only a prefix (for lookup) and a SHA-256 hash of each key are
 * stored, never the key itself. A revoked key keeps its row.
 */
import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from './database';

/** A stored service key. `scopes` is a JSON array of strings; instants are stored times (goCompat/goTime). */
export interface ServiceKeyRow {
  id: string;
  name: string;
  key_prefix: string;
  key_hash: string;
  scopes: string;
  enabled: number;
  expires_at: string | null;
  created_at: string;
  /** When the key was revoked; null while it is not. */
  revoked_at: string | null;
}

/** Data access for service keys. */
export class ServiceKeysRepository {
  readonly #byPrefix: Statement;
  readonly #byId: Statement;
  readonly #byName: Statement;
  readonly #insert: Statement;
  readonly #revoke: Statement;
  readonly #all: Statement;

  constructor(db: SqliteDatabase) {
    this.#byPrefix = db.prepare('SELECT * FROM service_keys WHERE key_prefix = ?');
    this.#byId = db.prepare('SELECT * FROM service_keys WHERE id = ?');
    this.#byName = db.prepare('SELECT * FROM service_keys WHERE name = ? ORDER BY created_at ASC');
    this.#insert = db.prepare(`INSERT INTO service_keys
        (id, name, key_prefix, key_hash, scopes, enabled, expires_at, created_at, revoked_at)
      VALUES (@id, @name, @key_prefix, @key_hash, @scopes, @enabled, @expires_at, @created_at, @revoked_at)`);
    this.#revoke = db.prepare('UPDATE service_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
    this.#all = db.prepare('SELECT * FROM service_keys ORDER BY created_at ASC');
  }

  /** Every key whose first 16 characters are `prefix`. */
  findByPrefix(prefix: string): ServiceKeyRow[] {
    return this.#byPrefix.all(prefix) as ServiceKeyRow[];
  }

  /** The key with this id, if any. */
  findById(id: string): ServiceKeyRow | undefined {
    return this.#byId.get(id) as ServiceKeyRow | undefined;
  }

  /** The keys with this name (names are not unique), oldest first. */
  findByName(name: string): ServiceKeyRow[] {
    return this.#byName.all(name) as ServiceKeyRow[];
  }

  /** Stores a new key row. */
  insert(row: ServiceKeyRow): void {
    this.#insert.run(row);
  }

  /** Marks the key revoked at `at`; false when it does not exist or was already revoked. */
  revoke(id: string, at: string): boolean {
    return this.#revoke.run(at, id).changes === 1;
  }

  /** All keys, oldest first (without anything secret: the hash is not a key). */
  list(): ServiceKeyRow[] {
    return this.#all.all() as ServiceKeyRow[];
  }
}
