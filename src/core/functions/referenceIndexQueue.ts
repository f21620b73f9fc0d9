import { Emitter } from '../../shared/disposable';
import type { ReferenceIndex } from './referenceIndex';

/** How the queue reads files and gives the event loop back; the host passes `workspace.fs` and `setImmediate`. */
export interface IndexQueueOptions {
  /** The text of a folder-relative path; undefined when it cannot be read (gone, too large, binary). */
  read(path: string): Promise<string | undefined>;
  /** Resolves on a later turn of the event loop: the queue awaits it between batches. */
  yieldToEventLoop(): Promise<void>;
  /** At most this many files are scanned in one synchronous slice. */
  batchFiles?: number;
  /** A slice ends early once it has scanned this many characters. */
  batchChars?: number;
}

/** Ten files of a few KB scan in a few milliseconds (`npm run bench` measures the slice). */
export const DEFAULT_BATCH_FILES = 10;
/** About 256 KB of text: the scanner's linear pass over it stays well below the 50 ms budget, even under load. */
export const DEFAULT_BATCH_CHARS = 256_000;

type Pending = 'update' | 'remove';

/**
 * Feeds a ReferenceIndex with bounded work: creates, changes and deletes are
 * queued (a path queued twice is done once, with its latest change), read
 * in batches, and each batch is scanned in one synchronous slice of at most
 * `batchFiles` files or `batchChars` characters, after which the queue
 * yields to the event loop. Renames move indexed files at once without
 * reading them. `onDidIndex` fires after each batch that changed something.
 */
export class ReferenceIndexQueue {
  private readonly pending = new Map<string, Pending>();
  /** Paths of the batch being read now. */
  private readonly reading = new Set<string>();
  private draining: Promise<void> | undefined;
  private disposed = false;
  private readonly indexed = new Emitter<void>();
  readonly onDidIndex = this.indexed.event;

  constructor(
    readonly index: ReferenceIndex,
    private readonly options: IndexQueueOptions,
  ) {}

  /** Queues files that were created or changed (or found by the first scan). */
  update(paths: Iterable<string>): void {
    for (const path of paths) {
      this.pending.delete(path);
      this.pending.set(path, 'update');
    }
    this.kick();
  }

  /** Queues a deleted file or folder. */
  remove(path: string): void {
    this.pending.delete(path);
    this.pending.set(path, 'remove');
    this.kick();
  }

  /** A file or folder renamed: indexed files move now; queued ones are queued under their new path. */
  rename(from: string, to: string): void {
    for (const [path, what] of [...this.pending]) {
      if (path === from || path.startsWith(`${from}/`)) {
        this.pending.delete(path);
        this.pending.set(to + path.slice(from.length), what);
      }
    }
    for (const path of this.reading) {
      if (path === from || path.startsWith(`${from}/`)) {
        // Being read at its old path: the batch skips it (it is queued again) and it is read at the new one.
        this.pending.set(path, 'remove');
        this.pending.set(to + path.slice(from.length), 'update');
      }
    }
    this.index.rename(from, to);
    this.indexed.fire();
    this.kick();
  }

  /** True while changes wait to be indexed. */
  get busy(): boolean {
    return this.pending.size > 0 || this.draining !== undefined;
  }

  /** Resolves when everything queued so far is indexed. */
  async idle(): Promise<void> {
    while (this.draining) {
      await this.draining;
    }
  }

  dispose(): void {
    this.disposed = true;
    this.pending.clear();
    this.indexed.dispose();
  }

  private kick(): void {
    if (this.draining || this.pending.size === 0 || this.disposed) {
      return;
    }
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      this.kick();
    });
  }

  private async drain(): Promise<void> {
    const batchFiles = this.options.batchFiles ?? DEFAULT_BATCH_FILES;
    const batchChars = this.options.batchChars ?? DEFAULT_BATCH_CHARS;
    // Starting on a later turn gathers a burst of events (a save, a checkout) into one pass.
    await this.options.yieldToEventLoop();
    while (this.pending.size > 0 && !this.disposed) {
      const batch = [...this.pending].slice(0, batchFiles);
      for (const [path] of batch) {
        this.pending.delete(path);
        this.reading.add(path);
      }
      const texts = await Promise.all(
        batch.map(([path, what]) => (what === 'remove' ? undefined : this.options.read(path).catch(() => undefined))),
      );
      this.reading.clear();
      if (this.disposed) {
        return;
      }
      let chars = 0;
      batch.forEach(([path], i) => {
        // A path queued again while it was being read is done with its newer change.
        if (this.pending.has(path)) {
          return;
        }
        const text = texts[i];
        if (text === undefined || chars >= batchChars) {
          if (text !== undefined) {
            this.pending.set(path, 'update');
          } else {
            this.index.remove(path);
          }
          return;
        }
        chars += text.length;
        this.index.update(path, text);
      });
      this.indexed.fire();
      await this.options.yieldToEventLoop();
    }
  }
}
