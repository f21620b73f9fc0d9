/**
 * The writer thread: owns its own connection to the database and commits the
 * secrets writes the main thread sends it, in batches. While a batch's COMMIT
 * waits for its fsync (`synchronous = FULL`) here, the main thread keeps
 * reading and answering requests, and the writes that arrive meanwhile queue
 * on the channel; the next batch takes all of them, so under load a batch
 * holds every write that came in during the previous commit. Each batch runs
 * in one transaction with a savepoint per write (GroupCommit.commitBatch), and
 * its outcomes are posted only after the COMMIT has returned: the main thread
 * answers a write only once it is durable.
 */
import { receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { connectDatabase, type SqliteDatabase } from './database';
import { GroupCommit, type Outcome } from './groupCommit';
import { SecretsRepository } from './secretsRepository';
import { applySecretWrite } from './secretWrites';
import {
  errorMessage,
  type FromWriter,
  type NumberedWrite,
  type ToWriter,
  type WriteOutcome,
  type WriterThreadData,
} from './writerProtocol';

function post(port: MessagePort, message: FromWriter): void {
  port.postMessage(message);
}

/** Every message already waiting behind `first`, without waiting for more. */
function drain(port: MessagePort, first: ToWriter): ToWriter[] {
  const messages = [first];
  for (let next = receiveMessageOnPort(port); next !== undefined; next = receiveMessageOnPort(port)) {
    messages.push(next.message as ToWriter);
  }
  return messages;
}

function commit(
  groupCommit: GroupCommit,
  repository: SecretsRepository,
  writes: readonly NumberedWrite[],
): WriteOutcome[] {
  let outcomes: Outcome[];
  try {
    outcomes = groupCommit.commitBatch(
      writes.map(
        ({ write }) =>
          () =>
            applySecretWrite(repository, write),
      ),
    );
  } catch (error) {
    return writes.map(({ seq }) => ({ seq, ok: false, message: errorMessage(error) }));
  }
  return writes.map(({ seq }, index): WriteOutcome => {
    const outcome = outcomes[index];
    return outcome?.ok
      ? { seq, ok: true, value: outcome.value }
      : { seq, ok: false, message: errorMessage(outcome?.error) };
  });
}

function serve(port: MessagePort, db: SqliteDatabase): void {
  const repository = new SecretsRepository(db);
  const groupCommit = new GroupCommit(db);
  port.on('message', (first: ToWriter) => {
    const messages = drain(port, first);
    const writes = messages.flatMap((message) => (message.type === 'writes' ? message.writes : []));
    if (writes.length > 0) post(port, { type: 'committed', outcomes: commit(groupCommit, repository, writes) });
    if (messages.some((message) => message.type === 'close')) {
      db.close();
      post(port, { type: 'closed' });
      port.close();
    }
  });
  post(port, { type: 'ready' });
}

function start(): void {
  const { databasePath, port } = workerData as WriterThreadData;
  let db: SqliteDatabase;
  try {
    db = connectDatabase(databasePath);
  } catch (error) {
    post(port, { type: 'failed', message: errorMessage(error) });
    port.close();
    return;
  }
  serve(port, db);
}

start();
