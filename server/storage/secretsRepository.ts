/**
 * All SQL of the secrets API, prepared once. Every write that upstream does
 * in two transactions (the secret row, then its history row) is one
 * transaction here, and so is read-version-then-write-version+1: better-sqlite3
 * runs it synchronously, so concurrent updates cannot interleave.
 */
import { randomUUID } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from './database';

/** A secret row without its value. Instants are in the stored form. */
export interface SecretRow {
  id: string;
  name: string;
  scope: string;
  namespace: string | null;
  description: string | null;
  version: number;
  expires_at: string | null;
  created_at: string;
  updated_at: string;
  created_by: string | null;
  updated_by: string | null;
}

/** A list row: a secret plus whether it has expired (1) or not (0). */
export interface SecretSummaryRow extends SecretRow {
  is_expired: number;
}

/** A history row without its value. */
export interface SecretVersionRow {
  id: string;
  secret_id: string;
  version: number;
  created_at: string;
  created_by: string | null;
}

/** The counts of GET /api/v1/secrets/stats. */
export interface SecretStatsRow {
  total: number;
  expiring_soon: number;
  expired: number;
}

/** What a create stores. `namespace` is null for global secrets. */
export interface NewSecret {
  name: string;
  scope: 'global' | 'namespace';
  namespace: string | null;
  encryptedValue: string;
  description: string | null;
  expiresAt: string | null;
  createdBy: string | null;
}

/** The fields an update changes; undefined means "leave as is". */
export interface SecretChanges {
  encryptedValue?: string;
  description?: string;
  expiresAt?: string;
}

/** Result of a create: the new id, or a clash with the uniqueness rules. */
export type CreateResult = { kind: 'created'; id: string } | { kind: 'conflict' };

const COLUMNS =
  'id, name, scope, namespace, description, version, expires_at, created_at, updated_at, created_by, updated_by';
const ORDER = 'ORDER BY scope ASC, namespace ASC, name ASC';
const LIST_COLUMNS = `${COLUMNS}, (expires_at IS NOT NULL AND expires_at < @now) AS is_expired`;

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** Data access for secrets and their history. */
export class SecretsRepository {
  readonly #listAll: Statement;
  readonly #listByScope: Statement;
  readonly #listByNamespace: Statement;
  readonly #listByBoth: Statement;
  readonly #stats: Statement;
  readonly #getById: Statement;
  readonly #getGlobalByName: Statement;
  readonly #getNamespacedByName: Statement;
  readonly #insertSecret: Statement;
  readonly #insertVersion: Statement;
  readonly #updateSecret: Statement;
  readonly #deleteSecret: Statement;
  readonly #versions: Statement;
  readonly #versionValue: Statement;
  readonly #rollbackSecret: Statement;
  readonly #createTransaction: (secret: NewSecret, now: string) => CreateResult;
  readonly #updateTransaction: (id: string, changes: SecretChanges, by: string | null, now: string) => boolean;
  readonly #rollbackTransaction: (id: string, version: bigint, by: string | null, now: string) => boolean;
  #changes = 0;

  constructor(db: SqliteDatabase) {
    this.#listAll = db.prepare(`SELECT ${LIST_COLUMNS} FROM secrets ${ORDER}`);
    this.#listByScope = db.prepare(`SELECT ${LIST_COLUMNS} FROM secrets WHERE scope = @scope ${ORDER}`);
    this.#listByNamespace = db.prepare(`SELECT ${LIST_COLUMNS} FROM secrets WHERE namespace = @namespace ${ORDER}`);
    this.#listByBoth = db.prepare(
      `SELECT ${LIST_COLUMNS} FROM secrets WHERE scope = @scope AND namespace = @namespace ${ORDER}`,
    );
    this.#stats = db.prepare(`SELECT
        COUNT(*) AS total,
        COALESCE(SUM(expires_at IS NOT NULL AND expires_at > @now AND expires_at < @soon), 0) AS expiring_soon,
        COALESCE(SUM(expires_at IS NOT NULL AND expires_at < @now), 0) AS expired
      FROM secrets`);
    this.#getById = db.prepare(`SELECT ${COLUMNS} FROM secrets WHERE id = ?`);
    this.#getGlobalByName = db.prepare(
      `SELECT ${COLUMNS} FROM secrets WHERE name = ? AND scope = 'global' AND namespace IS NULL`,
    );
    this.#getNamespacedByName = db.prepare(`SELECT ${COLUMNS} FROM secrets WHERE name = ? AND namespace = ?`);
    this.#insertSecret = db.prepare(`INSERT INTO secrets
        (id, name, scope, namespace, encrypted_value, description, version, expires_at,
         created_at, updated_at, created_by, updated_by)
      VALUES (@id, @name, @scope, @namespace, @encryptedValue, @description, 1, @expiresAt,
         @now, @now, @createdBy, @createdBy)`);
    this.#insertVersion = db.prepare(`INSERT INTO secret_versions
        (id, secret_id, version, encrypted_value, created_at, created_by)
      VALUES (?, ?, ?, ?, ?, ?)`);
    this.#updateSecret = db.prepare(`UPDATE secrets SET
        encrypted_value = COALESCE(@encryptedValue, encrypted_value),
        version = version + @bump,
        description = CASE WHEN @setDescription THEN @description ELSE description END,
        expires_at = CASE WHEN @setExpiresAt THEN @expiresAt ELSE expires_at END,
        updated_at = @now,
        updated_by = @by
      WHERE id = @id
      RETURNING version`);
    this.#deleteSecret = db.prepare('DELETE FROM secrets WHERE id = ?');
    this.#versions = db.prepare(
      'SELECT id, secret_id, version, created_at, created_by FROM secret_versions WHERE secret_id = ? ORDER BY version DESC',
    );
    this.#versionValue = db
      .prepare('SELECT encrypted_value FROM secret_versions WHERE secret_id = ? AND version = ?')
      .pluck();
    this.#rollbackSecret = db
      .prepare(
        `UPDATE secrets SET encrypted_value = ?, version = version + 1, updated_at = ?, updated_by = ?
         WHERE id = ? RETURNING version`,
      )
      .pluck();

    this.#createTransaction = db.transaction((secret: NewSecret, now: string): CreateResult => {
      const id = randomUUID();
      this.#insertSecret.run({ ...secret, id, now });
      this.#insertVersion.run(randomUUID(), id, 1, secret.encryptedValue, now, secret.createdBy);
      return { kind: 'created', id };
    }).immediate;
    this.#updateTransaction = db.transaction(
      (id: string, changes: SecretChanges, by: string | null, now: string): boolean => {
        const row = this.#updateSecret.get({
          id,
          encryptedValue: changes.encryptedValue ?? null,
          bump: changes.encryptedValue === undefined ? 0 : 1,
          setDescription: changes.description === undefined ? 0 : 1,
          description: changes.description ?? null,
          setExpiresAt: changes.expiresAt === undefined ? 0 : 1,
          expiresAt: changes.expiresAt ?? null,
          now,
          by,
        }) as { version: number } | undefined;
        if (!row) return false;
        if (changes.encryptedValue !== undefined) {
          this.#insertVersion.run(randomUUID(), id, row.version, changes.encryptedValue, now, by);
        }
        return true;
      },
    ).immediate;
    this.#rollbackTransaction = db.transaction(
      (id: string, version: bigint, by: string | null, now: string): boolean => {
        const value = this.#versionValue.get(id, version) as string | undefined;
        if (value === undefined) return false;
        const newVersion = this.#rollbackSecret.get(value, now, by, id) as number | undefined;
        if (newVersion === undefined) return false;
        this.#insertVersion.run(randomUUID(), id, newVersion, value, now, by);
        return true;
      },
    ).immediate;
  }

  /** Grows with every write attempt; read caches compare it to know they are current. */
  get changeCount(): number {
    return this.#changes;
  }

  /** Rows matching the filters (an empty filter is no filter), with `is_expired` against `now`. */
  list(now: string, scope: string, namespace: string): SecretSummaryRow[] {
    if (scope === '' && namespace === '') return this.#listAll.all({ now }) as SecretSummaryRow[];
    if (namespace === '') return this.#listByScope.all({ now, scope }) as SecretSummaryRow[];
    if (scope === '') return this.#listByNamespace.all({ now, namespace }) as SecretSummaryRow[];
    return this.#listByBoth.all({ now, scope, namespace }) as SecretSummaryRow[];
  }

  /** The three counts, with strict bounds on both sides of `now` and `soon`. */
  stats(now: string, soon: string): SecretStatsRow {
    return this.#stats.get({ now, soon }) as SecretStatsRow;
  }

  /** One secret by canonical id. */
  getById(id: string): SecretRow | undefined {
    return this.#getById.get(id) as SecretRow | undefined;
  }

  /** The global secret called `name` when `namespace` is empty, else the one in that namespace. */
  getByName(name: string, namespace: string): SecretRow | undefined {
    return (namespace === '' ? this.#getGlobalByName.get(name) : this.#getNamespacedByName.get(name, namespace)) as
      SecretRow | undefined;
  }

  /** Inserts the secret and its version-1 history row in one transaction. */
  create(secret: NewSecret, now: string): CreateResult {
    this.#changes++;
    try {
      return this.#createTransaction(secret, now);
    } catch (error) {
      if (isUniqueViolation(error)) return { kind: 'conflict' };
      throw error;
    }
  }

  /** Applies the changes (a new value bumps the version and adds a history row). False when no such secret. */
  update(id: string, changes: SecretChanges, by: string | null, now: string): boolean {
    this.#changes++;
    return this.#updateTransaction(id, changes, by, now);
  }

  /** Deletes the secret and, by cascade, its history. False when no such secret. */
  delete(id: string): boolean {
    this.#changes++;
    return this.#deleteSecret.run(id).changes > 0;
  }

  /** History rows, newest first; empty for an unknown id. */
  versions(id: string): SecretVersionRow[] {
    return this.#versions.all(id) as SecretVersionRow[];
  }

  /**
   * Copies the ciphertext of `version` into the secret as version current+1,
   * with its history row. False when that version (or the secret) does not exist.
   */
  rollback(id: string, version: bigint, by: string | null, now: string): boolean {
    this.#changes++;
    return this.#rollbackTransaction(id, version, by, now);
  }
}
