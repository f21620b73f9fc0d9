/**
 * Long checks run as generators that `yield` between steps (a step: one
 * variable resolved, say). `runToEnd` drains one at once; `runInSlices` drains
 * it a slice at a time, giving the event loop a turn whenever a slice has run
 * for `budgetMs`, so that checking a long document against 50,000 secrets
 * does not hold the extension host.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Work done per turn before the loop gets one: well under the 50 ms a person notices. */
export const SLICE_BUDGET_MS = 8;

/** Steps of a long computation: yields between steps, returns the result. */
export type Steps<T> = Generator<void, T, void>;

/** Runs `steps` to their end in this turn. */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs `steps` to their end, yielding a turn after any step that ends a slice of `budgetMs` or more. */
export async function runInSlices<T>(
  steps: Steps<T>,
  budgetMs: number = SLICE_BUDGET_MS,
  now: () => number = () => performance.now(),
): Promise<T> {
  let sliceStarted = now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (now() - sliceStarted >= budgetMs) {
      await nextTurn();
      sliceStarted = now();
    }
  }
}
