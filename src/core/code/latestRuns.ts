/**
 * Tells a run of some work per key (a document's check, say) whether a newer
 * run of the same key, or a `forget`, overtook it while it ran in slices.
 * Run numbers are never reused, so a run from before a `forget` stays
 * overtaken even when the key starts again.
 */
export class LatestRuns {
  private readonly latest = new Map<string, number>();
  private runs = 0;

  /** Starts a run for `key`; the function it returns says whether that run is still the latest. */
  start(key: string): () => boolean {
    const run = ++this.runs;
    this.latest.set(key, run);
    return () => this.latest.get(key) === run;
  }

  /** Overtakes every run of `key` so far. */
  forget(key: string): void {
    this.latest.delete(key);
  }
}
