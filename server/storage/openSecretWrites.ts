/**
 * Chooses who commits the secrets writes: the writer thread (threadCommitter.ts),
 * or the main thread when asked to or when this build has no writer thread script.
 */
import type { SqliteDatabase } from './database';
import type { LogLine } from '../logging/lineWriter';
import { mainThreadCommitter } from './mainThreadCommitter';
import type { SecretsRepository } from './secretsRepository';
import { SecretWrites } from './secretWrites';
import { ThreadCommitter, writerThreadScript } from './threadCommitter';

/** Opens the writes of `repository`, whose database file is `databasePath`. */
export async function openSecretWrites(
  db: SqliteDatabase,
  repository: SecretsRepository,
  databasePath: string,
  commitOnMainThread: boolean,
  log: LogLine,
): Promise<SecretWrites> {
  if (commitOnMainThread) return new SecretWrites(mainThreadCommitter(db, repository));
  const script = writerThreadScript();
  if (script === undefined) {
    log('This build has no writer thread (writerThread.js): secrets writes are committed on the main thread');
    return new SecretWrites(mainThreadCommitter(db, repository));
  }
  return new SecretWrites(await ThreadCommitter.start(script, databasePath));
}
