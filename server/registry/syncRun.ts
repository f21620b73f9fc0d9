/**
 * The sync algorithm both sync routes share (contract part 3, §5.2 and
 * §6.2): classify each item as create or update by name, collect the
 * deletions of `delete_missing`, answer a dry run before writing, else write
 * every item in one SQLite transaction, each in its own savepoint so that a
 * failing item (a duplicate name in the payload) is undone alone and
 * reported in `errors`. A crash before COMMIT leaves none of the sync.
 */
import type { SqliteDatabase } from '../storage/database';

/** What the engine needs from a route. */
export interface SyncTarget<T> {
  readonly db: SqliteDatabase;
  /** The names already in the namespace. */
  existingNames(): string[];
  nameOf(item: T): string;
  create(item: T): void;
  update(item: T): void;
  delete(name: string): void;
}

/** `{action, error, function|job}` of the response. */
export interface SyncError {
  action: 'create' | 'update' | 'delete';
  error: string;
  name: string;
}

/** What a sync did (or, for a dry run, would do). */
export interface SyncOutcome {
  created: string[];
  updated: string[];
  deleted: string[];
  errors: SyncError[];
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Classifies the items, and runs the writes unless `dryRun`. */
export function runSync<T>(
  target: SyncTarget<T>,
  items: readonly T[],
  deleteMissing: boolean,
  dryRun: boolean,
): SyncOutcome {
  const existing = new Set(target.existingNames());
  const payload = new Set(items.map((item) => target.nameOf(item)));
  const toCreate = items.filter((item) => !existing.has(target.nameOf(item)));
  const toUpdate = items.filter((item) => existing.has(target.nameOf(item)));
  // EU deletes in Go map order (random); sorted here.
  const toDelete = deleteMissing ? [...existing].filter((name) => !payload.has(name)).sort() : [];
  if (dryRun) {
    return {
      created: toCreate.map((item) => target.nameOf(item)),
      updated: toUpdate.map((item) => target.nameOf(item)),
      deleted: toDelete,
      errors: [],
    };
  }
  const outcome: SyncOutcome = { created: [], updated: [], deleted: [], errors: [] };
  const step = target.db.transaction((write: () => void) => write());
  const attempt = (action: SyncError['action'], name: string, write: () => void, done: string[]): void => {
    try {
      step(write);
      done.push(name);
    } catch (error) {
      outcome.errors.push({ action, error: describe(error), name });
    }
  };
  target.db
    .transaction(() => {
      for (const item of toCreate) attempt('create', target.nameOf(item), () => target.create(item), outcome.created);
      for (const item of toUpdate) attempt('update', target.nameOf(item), () => target.update(item), outcome.updated);
      for (const name of toDelete) attempt('delete', name, () => target.delete(name), outcome.deleted);
    })
    .immediate();
  return outcome;
}

/** The response of a sync (`fiber.Map`: keys sorted). `errorItemKey` is `function` or `job`. */
export function syncResponseObject(
  outcome: SyncOutcome,
  namespace: string,
  dryRun: boolean,
  message: string,
  errorItemKey: 'function' | 'job',
  summaryErrors: boolean,
): object {
  const summary: Record<string, number> = { created: outcome.created.length, deleted: outcome.deleted.length };
  if (summaryErrors) summary.errors = outcome.errors.length;
  Object.assign(summary, { unchanged: 0, updated: outcome.updated.length });
  return {
    details: { created: outcome.created, deleted: outcome.deleted, unchanged: [], updated: outcome.updated },
    dry_run: dryRun,
    errors: outcome.errors.map((e) => ({ action: e.action, error: e.error, [errorItemKey]: e.name })),
    message,
    namespace,
    summary,
  };
}
