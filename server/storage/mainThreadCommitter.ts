/**
 * Commits the secrets writes on the main thread, through the group commit
 * (one transaction per event-loop turn; the event loop waits for each
 * COMMIT's fsync). The server uses it when its writer thread's script is not
 * there (a bundle that does not list it), and the bulk benchmark uses it as
 * the baseline it compares the writer thread with.
 */
import type { SqliteDatabase } from './database';
import { GroupCommit } from './groupCommit';
import type { SecretsRepository } from './secretsRepository';
import { applySecretWrite, type SecretCommitter } from './secretWrites';

/** A committer over `repository` on `db`, the connection the requests also read through. */
export function mainThreadCommitter(db: SqliteDatabase, repository: SecretsRepository): SecretCommitter {
  const groupCommit = new GroupCommit(db);
  return {
    submit: (write) => groupCommit.run(() => applySecretWrite(repository, write)),
    get changeCount() {
      return repository.changeCount;
    },
    close: () => {
      groupCommit.flush();
      return Promise.resolve();
    },
  };
}
