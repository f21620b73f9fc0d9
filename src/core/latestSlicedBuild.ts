import { setImmediate as nextTurn } from 'node:timers/promises';
import { runInSlices, runSlice, runToEnd, SLICE_BUDGET_MS, type Steps } from './slicedWork';

/**
 * Runs builds of one thing (the explorer's tree) in slices that yield
 * (slicedWork.ts) and hands each result whole to `install`, never a part of
 * one. A newer build overtakes an older one: the older stops at its next
 * step and is never installed. A build that ends within its first slice is
 * installed in the turn it started, as a build in one turn would be.
 */
export class LatestSlicedBuild<T> {
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
    // installs when its last step has run, whoever runs it: its slices, or finish()
    const build = this.installedAtEnd(steps);
    if (runSlice(build, this.budgetMs, this.now)) {
      return;
    }
    this.pending = build;
    // the next slices from the next turn on (this turn ran the first)
    void nextTurn().then(() => runInSlices(build, this.budgetMs, this.now));
  }

  /** Ends the running build in this turn and installs it: for a reader that needs the current result now. */
  finish(): void {
    if (this.pending !== undefined) {
      runToEnd(this.pending);
    }
  }

  /** Stops the running build without installing it. */
  dispose(): void {
    this.stopPending();
  }

  private *installedAtEnd(steps: Steps<T>): Steps<T> {
    const result = yield* steps;
    this.pending = undefined;
    this.install(result);
    return result;
  }

  private stopPending(): void {
    // a stopped build ends at once, before its last step: its sliced run returns, nothing is installed
    this.pending?.return(undefined as T);
    this.pending = undefined;
  }
}
