/**
 * Summary statistics of repeated measurements, and the interleaved runner
 * that every comparison goes through.
 */

/** The median of `values` (the mean of the middle two for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The nearest-rank percentile `p` (0–100) of `values`; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

/** Times one asynchronous run in milliseconds. */
export async function timeAsync(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** Times one synchronous run in milliseconds. */
export function timeSync(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

/** Samples of each variant, one per round, in round order. */
export type Samples<K extends string> = Record<K, number[]>;

/**
 * Runs every variant once per round, in the same process, alternating the
 * order from round to round (A B, B A, A B, …) so that drift in machine load
 * and warm-up falls on every variant alike. Each run returns its own figure
 * (usually milliseconds).
 */
export async function interleave<K extends string>(
  rounds: number,
  variants: Record<K, (round: number) => Promise<number>>,
): Promise<Samples<K>> {
  const names = Object.keys(variants) as K[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Samples<K>;
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      samples[name].push(await variants[name](round));
    }
  }
  return samples;
}

/** The median over rounds of `numerator[i] / denominator[i]`: a paired ratio, so that slow rounds cancel. */
export function pairedRatio(numerator: readonly number[], denominator: readonly number[]): number {
  const count = Math.min(numerator.length, denominator.length);
  const ratios: number[] = [];
  for (let i = 0; i < count; i++) ratios.push((numerator[i] as number) / (denominator[i] as number));
  return median(ratios);
}

/** Operations per second of `count` operations that took `ms` milliseconds. */
export function opsPerSecond(count: number, ms: number): number {
  return (count * 1000) / ms;
}
