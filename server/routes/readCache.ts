/**
 * Finished JSON bodies of the hot read routes (list, get by name), kept until
 * the next secrets write in this process or, for bodies that depend on the
 * clock (`is_expired`), until the next expiry passes. Only this process writes
 * secrets in its data folder, so the cache is never stale.
 */
import type { Clock } from '../clock';

const MAX_ENTRIES = 1000;

interface Entry {
  readonly changeCount: number;
  /** The body is valid while the clock is at or before this instant (µs). */
  readonly validUntil: number;
  /** Encoded once, so a hit costs no re-encoding of a large list. */
  readonly body: Buffer;
}

/** A cache of response bodies, keyed by route and parameters. */
export class ReadCache {
  readonly #clock: Clock;
  readonly #changeCount: () => number;
  readonly #entries = new Map<string, Entry>();

  /** `changeCount` must change on every write (see SecretsRepository.changeCount). */
  constructor(clock: Clock, changeCount: () => number) {
    this.#clock = clock;
    this.#changeCount = changeCount;
  }

  /** The cached body, or undefined when there is none or it may be stale. */
  get(key: string): Buffer | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.changeCount === this.#changeCount() && this.#clock() <= entry.validUntil) return entry.body;
    this.#entries.delete(key);
    return undefined;
  }

  /** Stores a body built at the current change count, valid until `validUntil` (µs, default forever). */
  set(key: string, body: Buffer, validUntil = Number.POSITIVE_INFINITY): void {
    if (this.#entries.size >= MAX_ENTRIES) this.#entries.clear();
    this.#entries.set(key, { changeCount: this.#changeCount(), validUntil, body });
  }
}
