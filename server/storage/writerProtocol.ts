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
}

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
