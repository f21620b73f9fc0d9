/** Structurally the same as `vscode.CancellationToken`'s flag, so the host can pass its token. */
export interface CancellationSignal {
  readonly isCancellationRequested: boolean;
}

/** How one task ended; `cancelled` means it never started because cancellation was requested first. */
export type TaskOutcome<R> =
  { status: 'fulfilled'; value: R } | { status: 'rejected'; reason: unknown } | { status: 'cancelled' };

/**
 * Runs `task` for every item with at most `limit` tasks in flight, starting
 * them in item order. Once `signal` is cancelled no further task starts; the
 * ones in flight finish. Never rejects: each outcome is reported at its
 * item's index.
 */
export async function runWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
  signal?: CancellationSignal,
): Promise<TaskOutcome<R>[]> {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`limit must be a positive integer, got ${limit}`);
  }
  const outcomes: TaskOutcome<R>[] = items.map(() => ({ status: 'cancelled' }));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !signal?.isCancellationRequested) {
      const index = next++;
      try {
        outcomes[index] = { status: 'fulfilled', value: await task(items[index] as T, index) };
      } catch (reason) {
        outcomes[index] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return outcomes;
}
