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
import { BatchWindow } from './batchWindow';
import { connectDatabase, type SqliteDatabase } from './database';
import { GroupCommit, type Outcome } from './groupCommit';
import { SecretsRepository } from './secretsRepository';
import { applySecretWrite } from './secretWrites';
import {
  errorMessage,
  NEVER,
  POSTED,
  WAKE_AT,
  type FromWriter,
  type NumberedWrite,
  type ToWriter,
  type WriteOutcome,
  type WriterThreadData,
} from './writerProtocol';

function post(port: MessagePort, message: FromWriter): void {
  port.postMessage(message);
}

/** Moves every message already waiting on `port` into `messages`, without waiting for more. */
function drain(port: MessagePort, messages: ToWriter[]): void {
  for (let next = receiveMessageOnPort(port); next !== undefined; next = receiveMessageOnPort(port)) {
    messages.push(next.message as ToWriter);
  }
}

function writesOf(messages: readonly ToWriter[]): NumberedWrite[] {
  return messages.flatMap((message) => (message.type === 'writes' ? message.writes : []));
}

/**
 * `first` and every message behind it; while the batch is smaller than the
 * window expects, blocks this thread (not the main one) until the main thread
 * has posted the missing writes or the window's budget is spent. A close ends
 * the wait at once. `consumed`: the writes taken by earlier batches.
 */
function collect(
  port: MessagePort,
  signal: Int32Array,
  window: BatchWindow,
  consumed: number,
  first: ToWriter,
): ToWriter[] {
  const messages = [first];
  drain(port, messages);
  const started = performance.now();
  for (;;) {
    const budget = window.waitBudgetMs(writesOf(messages).length) - (performance.now() - started);
    if (budget <= 0 || messages.some((message) => message.type === 'close')) {
      Atomics.store(signal, WAKE_AT, NEVER);
      return messages;
    }
    const wakeAt = consumed + window.expected;
    Atomics.store(signal, WAKE_AT, wakeAt);
    const seen = Atomics.load(signal, POSTED);
    if (seen < wakeAt) Atomics.wait(signal, POSTED, seen, budget);
    drain(port, messages);
  }
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

function serve(port: MessagePort, signal: Int32Array, db: SqliteDatabase): void {
  const repository = new SecretsRepository(db);
  const groupCommit = new GroupCommit(db);
  const window = new BatchWindow();
  let consumed = 0;
  port.on('message', (first: ToWriter) => {
    const messages = collect(port, signal, window, consumed, first);
    const writes = writesOf(messages);
    consumed += writes.length;
    if (writes.length > 0) {
      const started = performance.now();
      const outcomes = commit(groupCommit, repository, writes);
      window.record(writes.length, performance.now() - started);
      post(port, { type: 'committed', outcomes });
    }
    if (messages.some((message) => message.type === 'close')) {
      db.close();
      post(port, { type: 'closed' });
      port.close();
    }
  });
  post(port, { type: 'ready' });
}

function start(): void {
  const { databasePath, port, signal } = workerData as WriterThreadData;
  let db: SqliteDatabase;
  try {
    db = connectDatabase(databasePath);
  } catch (error) {
    post(port, { type: 'failed', message: errorMessage(error) });
    port.close();
    return;
  }
  serve(port, new Int32Array(signal), db);
}

start();
