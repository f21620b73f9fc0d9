import { LatestRuns } from './latestRuns';
import { runInSlices, runSlice, runToEnd, SLICE_BUDGET_MS, type Steps } from './slicedWork';

/** The one key of this builder's runs. */
const BUILD = 'build';

/**
 * Runs builds of one thing (the explorer's tree) in slices that yield
 * (slicedWork.ts) and hands each result whole to `install`, never a part of
 * one. A newer build overtakes an older one: the older stops at its next
 * step and is never installed. A build that ends within its first slice is
 * installed in the turn it started, as a build in one turn would be.
 */
export class LatestSlicedBuild<T> {
  private readonly runs = new LatestRuns();
  private pending: Steps<T> | undefined;

  constructor(
    private readonly install: (result: T) => void,
    private readonly budgetMs: number = SLICE_BUDGET_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Whether a build is still running. */
  get building(): boolean {
    return this.pending !== undefined;
  }

  /** Starts a build, overtaking the one still running. */
  start(steps: Steps<T>): void {
    this.stopPending();
    const isLatest = this.runs.start(BUILD);
    const ended = runSlice(steps, this.budgetMs, this.now);
    if (ended) {
      this.install(ended.value);
      return;
    }
    this.pending = steps;
    void runInSlices(steps, this.budgetMs, this.now).then((result) => {
      if (isLatest()) {
        this.pending = undefined;
        this.install(result);
      }
    });
  }

  /** Ends the running build in this turn and installs it: for a reader that needs the current result now. */
  finish(): void {
    const steps = this.pending;
    if (steps === undefined) {
      return;
    }
    this.pending = undefined;
    this.runs.forget(BUILD);
    this.install(runToEnd(steps));
  }

  /** Stops the running build without installing it. */
  dispose(): void {
    this.stopPending();
  }

  private stopPending(): void {
    // a stopped generator ends at once: its sliced run returns and, overtaken, installs nothing
    this.pending?.return(undefined as T);
    this.pending = undefined;
    this.runs.forget(BUILD);
  }
}
