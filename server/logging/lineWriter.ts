/**
 * The server's log output: one line per call, collected in memory and written
 * to the stream in batches (at most every 50 ms, or at 16 KiB), so that a
 * request never waits for a synchronous write to stdout.
 */
import type { Writable } from 'node:stream';

/** Receives finished log lines (without the newline). */
export type LogLine = (line: string) => void;

const FLUSH_AFTER_MS = 50;
const FLUSH_AT_CHARS = 16 * 1024;

/** A batching line writer over a stream. */
export class BufferedLineWriter {
  readonly #stream: Writable;
  #pending: string[] = [];
  #chars = 0;
  #timer: NodeJS.Timeout | undefined;

  constructor(stream: Writable) {
    this.#stream = stream;
  }

  /** Queues one line. */
  readonly write: LogLine = (line: string): void => {
    this.#pending.push(line);
    this.#chars += line.length + 1;
    if (this.#chars >= FLUSH_AT_CHARS) this.flush();
    else if (this.#timer === undefined) {
      this.#timer = setTimeout(() => this.flush(), FLUSH_AFTER_MS);
      this.#timer.unref();
    }
  };

  /** Writes everything queued now. */
  flush(): void {
    if (this.#timer !== undefined) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
    if (this.#pending.length === 0) return;
    const text = this.#pending.join('\n') + '\n';
    this.#pending = [];
    this.#chars = 0;
    this.#stream.write(text);
  }
}
