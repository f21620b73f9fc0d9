/**
 * The messages between the server's main thread and its writer thread
 * (writerThread.ts), over a MessageChannel. Only ciphertext and metadata
 * cross: values are encrypted before a write is submitted.
 */
import type { MessagePort } from 'node:worker_threads';
import type { SecretWrite } from './secretWrites';

/** What the writer thread starts with. */
export interface WriterThreadData {
  /** The database file, already created and migrated by `openDatabase`. */
  readonly databasePath: string;
  /** Its end of the channel. */
  readonly port: MessagePort;
  /** Two Int32s (see POSTED and WAKE_AT): how the thread waits for writes without the channel. */
  readonly signal: SharedArrayBuffer;
}

/** Index in `signal`: the number of writes the main thread has posted (it adds them after each message). */
export const POSTED = 0;
/**
 * Index in `signal`: the main thread wakes the thread (Atomics.notify on POSTED) only once POSTED reaches this,
 * or at a close, so a batch held open costs one wake-up, not one per message. NEVER while the thread is not waiting.
 * (After 2^31 writes the count wraps; a wait then ends by its time budget, nothing else changes.)
 */
export const WAKE_AT = 1;
/** WAKE_AT when nobody waits. */
export const NEVER = 0x7fffffff;

/** One write and the number its outcome comes back with. */
export interface NumberedWrite {
  readonly seq: number;
  readonly write: SecretWrite;
}

/** Main thread → writer thread: the writes submitted in one turn of the main thread's event loop, or the end. */
export type ToWriter =
  { readonly type: 'writes'; readonly writes: readonly NumberedWrite[] } | { readonly type: 'close' };

/** One write's outcome: `applySecretWrite`'s result, or the message of the error that rolled it back. */
export type WriteOutcome =
  | { readonly seq: number; readonly ok: true; readonly value: unknown }
  | { readonly seq: number; readonly ok: false; readonly message: string };

/** Writer thread → main thread. `committed` is posted only after the batch's COMMIT has returned. */
export type FromWriter =
  | { readonly type: 'ready' }
  | { readonly type: 'failed'; readonly message: string }
  | { readonly type: 'committed'; readonly outcomes: readonly WriteOutcome[] }
  | { readonly type: 'closed' };

/** An error's message (never a value: writes carry only ciphertext). */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
