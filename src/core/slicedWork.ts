/**
 * Long computations (a document's check, the explorer's tree) run as
 * generators that `yield` between steps (a step: one variable resolved, say).
 * `runToEnd` drains one at once; `runInSlices` drains it a slice at a time,
 * giving the event loop a turn whenever a slice has run for `budgetMs`, so
 * that checking a long document against 50,000 secrets, or building their
 * tree, does not hold the extension host.
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

/**
 * Runs `steps` for one slice in this turn: until they end (their result, as `{ value }`) or until a step
 * ends a slice of `budgetMs` or more (undefined: go on with {@link runInSlices} from where they stopped).
 * Lets a caller use a short computation's result in the same turn and slice only a long one.
 */
export function runSlice<T>(
  steps: Steps<T>,
  budgetMs: number = SLICE_BUDGET_MS,
  now: () => number = () => performance.now(),
): { value: T } | undefined {
  const sliceStarted = now();
  for (;;) {
    const step = steps.next();
    if (step.done) return { value: step.value };
    if (now() - sliceStarted >= budgetMs) return undefined;
  }
}

/** Runs `steps` to their end, yielding a turn after any step that ends a slice of `budgetMs` or more. */
export async function runInSlices<T>(
  steps: Steps<T>,
  budgetMs: number = SLICE_BUDGET_MS,
  now: () => number = () => performance.now(),
): Promise<T> {
  for (;;) {
    const ended = runSlice(steps, budgetMs, now);
    if (ended) return ended.value;
    await nextTurn();
  }
}
