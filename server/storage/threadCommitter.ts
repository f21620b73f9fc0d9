/**
 * The main thread's side of the writer thread (writerThread.ts): sends the
 * writes submitted in one turn of the event loop as one message over a
 * MessageChannel and settles each promise when the thread reports its batch
 * committed. The change count grows only then, after the
 * COMMIT, so a read cached while the write was on its way is dropped.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { SecretCommitter, SecretWrite } from './secretWrites';
import {
  NEVER,
  POSTED,
  WAKE_AT,
  type FromWriter,
  type NumberedWrite,
  type ToWriter,
  type WriteOutcome,
  type WriterThreadData,
} from './writerProtocol';

interface Waiter {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
}

/**
 * The writer thread's script: next to this module once compiled by tsc, and
 * next to the bundle in the esbuild bundles that list it as an entry point
 * (scripts/server.mjs, scripts/bench.mjs). Undefined when it is not there.
 */
export function writerThreadScript(): string | undefined {
  const script = join(__dirname, 'writerThread.js');
  return existsSync(script) ? script : undefined;
}

/** Commits the secrets writes in the writer thread; `start` resolves once it has opened its connection. */
export class ThreadCommitter implements SecretCommitter {
  readonly #worker: Worker;
  readonly #port: MessagePort;
  /** Counts the writes sent; the thread waits on it while it holds a batch open (batchWindow.ts). */
  readonly #signal: Int32Array;
  readonly #waiters = new Map<number, Waiter>();
  readonly #ready: Promise<void>;
  /** Resolves when the thread has closed its connection, or has stopped. */
  readonly #finished: Promise<void>;
  readonly #exited: Promise<void>;
  /** The writes submitted in this turn of the event loop, posted together at `setImmediate`. */
  #outbox: NumberedWrite[] = [];
  #starting = true;
  #nextSeq = 0;
  #changes = 0;
  /** Set once the thread has stopped or is closing: every later write rejects with it. */
  #stopped: Error | undefined;
  #closing: Promise<void> | undefined;

  private constructor(script: string, databasePath: string) {
    const { port1, port2 } = new MessageChannel();
    this.#port = port1;
    const signal = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
    this.#signal = new Int32Array(signal);
    this.#signal[WAKE_AT] = NEVER;
    const data: WriterThreadData = { databasePath, port: port2, signal };
    this.#worker = new Worker(script, { workerData: data, transferList: [port2] });
    this.#worker.unref();
    let ready!: { resolve: () => void; reject: (error: Error) => void };
    this.#ready = new Promise<void>((resolve, reject) => (ready = { resolve, reject }));
    let finish!: () => void;
    this.#finished = new Promise<void>((resolve) => (finish = resolve));
    const receive = (message: FromWriter): void => {
      if (message.type === 'ready') ready.resolve();
      else if (message.type === 'failed')
        ready.reject(new Error(`the writer thread cannot open the database: ${message.message}`));
      else if (message.type === 'committed') this.#settle(message.outcomes);
      else finish();
    };
    port1.on('message', receive);
    const stop = (reason: Error): void => {
      // Outcomes the thread posted before it stopped are still queued: settle them first.
      for (let next = receiveMessageOnPort(port1); next !== undefined; next = receiveMessageOnPort(port1)) {
        receive(next.message as FromWriter);
      }
      ready.reject(reason);
      this.#stop(reason);
      finish();
    };
    this.#worker.once('error', (error) => stop(new Error(`the writer thread failed: ${error.message}`)));
    this.#exited = new Promise<void>((resolve) =>
      this.#worker.once('exit', () => {
        stop(new Error('the writer thread stopped'));
        resolve();
      }),
    );
    const started = (): void => {
      this.#starting = false;
      this.#keepAlive();
    };
    this.#ready.then(started, started);
    this.#keepAlive();
  }

  /** Starts the writer thread on `databasePath` (already prepared by `openDatabase`). */
  static async start(script: string, databasePath: string): Promise<ThreadCommitter> {
    const committer = new ThreadCommitter(script, databasePath);
    try {
      await committer.#ready;
    } catch (error) {
      await committer.#worker.terminate();
      throw error;
    }
    return committer;
  }

  get changeCount(): number {
    return this.#changes;
  }

  submit(write: SecretWrite): Promise<unknown> {
    if (this.#stopped) return Promise.reject(this.#stopped);
    const seq = this.#nextSeq++;
    return new Promise((resolve, reject) => {
      this.#waiters.set(seq, { resolve, reject });
      this.#keepAlive();
      if (this.#outbox.length === 0) setImmediate(() => this.#post());
      this.#outbox.push({ seq, write });
    });
  }

  /** Sends this turn's writes as one message: the thread commits them in one batch (with any already waiting). */
  #post(): void {
    const writes = this.#outbox;
    this.#outbox = [];
    if (writes.length > 0) this.#send({ type: 'writes', writes });
  }

  /** The thread commits every write sent before, closes its connection and ends; later writes reject. */
  close(): Promise<void> {
    this.#closing ??= this.#close();
    return this.#closing;
  }

  async #close(): Promise<void> {
    // Until the thread has exited: its closed channel no longer keeps this process alive.
    this.#worker.ref();
    this.#port.ref();
    if (!this.#stopped) {
      this.#stopped = new Error('the server is closing');
      this.#post();
      this.#send({ type: 'close' });
    }
    await this.#finished;
    await this.#exited;
    this.#port.close();
  }

  #send(message: ToWriter): void {
    this.#port.postMessage(message);
    const count = message.type === 'writes' ? message.writes.length : 0;
    const posted = Atomics.add(this.#signal, POSTED, count) + count;
    if (message.type === 'close' || posted >= Atomics.load(this.#signal, WAKE_AT)) Atomics.notify(this.#signal, POSTED);
  }

  #settle(outcomes: readonly WriteOutcome[]): void {
    // Counted before any promise settles: a body cached before this point may predate the commit.
    this.#changes++;
    for (const outcome of outcomes) {
      const waiter = this.#waiters.get(outcome.seq);
      if (!waiter) continue;
      this.#waiters.delete(outcome.seq);
      if (outcome.ok) waiter.resolve(outcome.value);
      else waiter.reject(new Error(outcome.message));
    }
    this.#keepAlive();
  }

  #stop(error: Error): void {
    this.#stopped ??= error;
    this.#changes++;
    for (const waiter of this.#waiters.values()) waiter.reject(error);
    this.#waiters.clear();
    this.#keepAlive();
  }

  /** The channel keeps the process alive only while an answer is awaited (the thread itself never does). */
  #keepAlive(): void {
    if (this.#starting || this.#waiters.size > 0 || this.#closing !== undefined) this.#port.ref();
    else this.#port.unref();
  }
}
