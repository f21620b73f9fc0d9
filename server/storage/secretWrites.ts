/**
 * Every secrets write as plain data (so that it can cross to the writer
 * thread), how one is applied to a repository, and the facade the handlers
 * write through. Whoever commits the writes (the group commit on this thread,
 * or the writer thread) settles each promise only after its batch's COMMIT,
 * so an answer is sent only once its write is durable.
 */
import type { CreateResult, NewSecret, SecretChanges, SecretRow, SecretsRepository } from './secretsRepository';

/** A write that found its secret, with the row read back in the same savepoint (its own version). */
export interface WrittenRow {
  readonly row: SecretRow | undefined;
}

/** One secrets write, as data. */
export type SecretWrite =
  | { readonly kind: 'create'; readonly secret: NewSecret; readonly now: string }
  | {
      readonly kind: 'update';
      readonly id: string;
      readonly changes: SecretChanges;
      readonly by: string | null;
      readonly now: string;
    }
  | {
      readonly kind: 'rollback';
      readonly id: string;
      readonly version: bigint;
      readonly by: string | null;
      readonly now: string;
    }
  | { readonly kind: 'delete'; readonly id: string };

/**
 * Applies `write` to `repository` (synchronous; the caller provides the
 * transaction). Update and rollback read the row back when they found it.
 */
export function applySecretWrite(repository: SecretsRepository, write: SecretWrite): unknown {
  switch (write.kind) {
    case 'create':
      return repository.create(write.secret, write.now);
    case 'update':
      return repository.update(write.id, write.changes, write.by, write.now)
        ? readBack(repository, write.id)
        : undefined;
    case 'rollback':
      return repository.rollback(write.id, write.version, write.by, write.now)
        ? readBack(repository, write.id)
        : undefined;
    case 'delete':
      return repository.delete(write.id);
  }
}

function readBack(repository: SecretsRepository, id: string): WrittenRow {
  return { row: repository.getById(id) };
}

/** Who commits the writes: resolves each with `applySecretWrite`'s result once it is committed. */
export interface SecretCommitter {
  submit(write: SecretWrite): Promise<unknown>;
  /** Grows after every committed batch; read caches compare it to know they are current. */
  readonly changeCount: number;
  /** Commits what is queued, then stops; later writes reject. */
  close(): Promise<void>;
}

/** The secrets writes the handlers make, each settled only after its COMMIT. */
export class SecretWrites {
  readonly #committer: SecretCommitter;

  constructor(committer: SecretCommitter) {
    this.#committer = committer;
  }

  /** See SecretCommitter.changeCount. */
  get changeCount(): number {
    return this.#committer.changeCount;
  }

  /** Inserts the secret and its version-1 history row. */
  create(secret: NewSecret, now: string): Promise<CreateResult> {
    return this.#committer.submit({ kind: 'create', secret, now }) as Promise<CreateResult>;
  }

  /** Applies the changes; undefined when there is no such secret. */
  update(id: string, changes: SecretChanges, by: string | null, now: string): Promise<WrittenRow | undefined> {
    return this.#committer.submit({ kind: 'update', id, changes, by, now }) as Promise<WrittenRow | undefined>;
  }

  /** Copies `version` into a new version; undefined when that version (or the secret) does not exist. */
  rollback(id: string, version: bigint, by: string | null, now: string): Promise<WrittenRow | undefined> {
    return this.#committer.submit({ kind: 'rollback', id, version, by, now }) as Promise<WrittenRow | undefined>;
  }

  /** Deletes the secret and its history; false when there is no such secret. */
  delete(id: string): Promise<boolean> {
    return this.#committer.submit({ kind: 'delete', id }) as Promise<boolean>;
  }

  /** See SecretCommitter.close. */
  close(): Promise<void> {
    return this.#committer.close();
  }
}
