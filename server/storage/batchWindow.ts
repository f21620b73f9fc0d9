/**
 * How long the writer thread holds a batch open for writers that are on their
 * way. Measured (bulk bench, batch sizes logged by the thread): with 8
 * concurrent writers the batches alternated 1, 7, 1, 7, … — the first request
 * after a commit found the thread idle and took a whole fsync for itself while
 * the other seven arrived. So a batch smaller than the previous one waits for
 * more writes, but never longer than a recent COMMIT takes (what waiting can
 * save is one COMMIT) and never more than `maxWaitMs`. A single writer (the
 * previous batch held one write) never waits.
 */

/** Tunables; the defaults are the server's. */
export interface BatchWindowOptions {
  /** Upper bound of one wait, ms. */
  readonly maxWaitMs: number;
  /** Weight of the newest COMMIT duration in the running estimate. */
  readonly smoothing: number;
}

const DEFAULTS: BatchWindowOptions = { maxWaitMs: 2, smoothing: 0.2 };

/** The batch-size and COMMIT-duration history that decides how long a new batch may wait. */
export class BatchWindow {
  readonly #options: BatchWindowOptions;
  #lastSize = 0;
  #commitMs: number | undefined;

  constructor(options: Partial<BatchWindowOptions> = {}) {
    this.#options = { ...DEFAULTS, ...options };
  }

  /** How many writes the next batch waits for: as many as the last one held. */
  get expected(): number {
    return this.#lastSize;
  }

  /** The longest a batch that holds `size` writes may still wait, ms (0: commit now). */
  waitBudgetMs(size: number): number {
    if (size >= this.#lastSize || this.#commitMs === undefined) return 0;
    return Math.min(this.#commitMs, this.#options.maxWaitMs);
  }

  /** Records a committed batch: its size and how long its transaction and COMMIT took. */
  record(size: number, commitMs: number): void {
    this.#lastSize = size;
    const weight = this.#options.smoothing;
    this.#commitMs = this.#commitMs === undefined ? commitMs : (1 - weight) * this.#commitMs + weight * commitMs;
  }
}
