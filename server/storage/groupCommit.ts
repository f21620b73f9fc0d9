/**
 * Group commit. With `synchronous = FULL` every commit waits for one fsync
 * (about 5 ms), on the server's only thread. Writes submitted in the same
 * turn of the event loop therefore run together at `setImmediate`: one
 * `BEGIN IMMEDIATE`, each write in its own SAVEPOINT (a failing write, such
 * as a 409 unique violation, rolls back only itself), one COMMIT. Every
 * write's promise settles only after that COMMIT, so a request is still
 * acknowledged only once its data is durable.
 */
import type { SqliteDatabase } from './database';

interface PendingWrite {
  readonly write: () => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

/** Batches synchronous database writes into one transaction per event-loop turn. */
export class GroupCommit {
  readonly #db: SqliteDatabase;
  /** Runs one write; inside the batch transaction better-sqlite3 makes this a SAVEPOINT. */
  readonly #savepoint: (write: () => unknown) => unknown;
  readonly #batch: (writes: readonly PendingWrite[]) => Outcome[];
  #queue: PendingWrite[] = [];
  #scheduled = false;

  constructor(db: SqliteDatabase) {
    this.#db = db;
    this.#savepoint = db.transaction((write: () => unknown) => write());
    this.#batch = db.transaction((writes: readonly PendingWrite[]) =>
      writes.map((pending) => this.#runOne(pending)),
    ).immediate;
  }

  /**
   * Queues `write` (synchronous database work, all of it one atomic unit) and
   * resolves with its result, or rejects with its error, after the batch that
   * ran it has committed. When the batch itself fails, every write in it rejects.
   */
  run<T>(write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ write, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#scheduled) {
        this.#scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Runs and commits the queued writes now (a no-op when none is queued); e.g. before closing the database. */
  flush(): void {
    this.#scheduled = false;
    const writes = this.#queue;
    if (writes.length === 0) return;
    this.#queue = [];
    let outcomes: Outcome[];
    try {
      outcomes = this.#batch(writes);
    } catch (error) {
      for (const pending of writes) pending.reject(error);
      return;
    }
    writes.forEach((pending, index) => {
      const outcome = outcomes[index];
      if (outcome?.ok) pending.resolve(outcome.value);
      else pending.reject(outcome?.error);
    });
  }

  #runOne(pending: PendingWrite): Outcome {
    try {
      return { ok: true, value: this.#savepoint(pending.write) };
    } catch (error) {
      // Some errors (disk full, I/O) make SQLite roll back the whole transaction: the
      // writes before this one are gone too, so the batch must fail as a whole.
      if (!this.#db.inTransaction) throw error;
      return { ok: false, error };
    }
  }
}
