/**
 * A small seeded PRNG (mulberry32) for the fuzz and crash tests, so that a
 * failing run can be replayed exactly from the seed it printed.
 */

/** Deterministic random choices from one 32-bit seed. */
export class FuzzRandom {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, max). */
  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(items.length)] as T;
  }

  /** One generator of a non-empty list, called. */
  oneOf<T>(makers: readonly (() => T)[]): T {
    return this.pick(makers)();
  }
}

/**
 * The seed of a run: `FLUXBASE_FUZZ_SEED` when set (to replay a failure),
 * otherwise a fresh one, so successive runs explore different inputs.
 */
export function fuzzSeed(env: NodeJS.ProcessEnv = process.env): number {
  const fixed = env.FLUXBASE_FUZZ_SEED;
  if (fixed !== undefined && fixed !== '') {
    const seed = Number(fixed);
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw new Error(`FLUXBASE_FUZZ_SEED must be an integer in [0, 2^32), got "${fixed}"`);
    }
    return seed;
  }
  return (Date.now() ^ (process.pid << 16)) >>> 0;
}
