/**
 * Runs `work` and counts how many turns of the event loop other callbacks got
 * while it ran (a `setImmediate` callback that schedules itself again): 0 for
 * work that never yields, about one per slice for work that yields between slices.
 */
export async function turnsDuring<T>(work: () => Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0;
  let done = false;
  const tick = (): void => {
    turns++;
    if (!done) setImmediate(tick);
  };
  setImmediate(tick);
  try {
    const result = await work();
    return { result, turns };
  } finally {
    done = true;
  }
}
