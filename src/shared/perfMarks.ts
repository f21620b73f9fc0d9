/**
 * The benchmark's timing channel (`npm run bench:ui`): points on the paths a
 * person waits for (activation, a list loaded, the tree rebuilt and served,
 * completion answered) call `mark` with a fixed name and at most a count.
 * Never a secret's name, value or namespace. Every build but the benchmark's
 * gets {@link noPerfMarks} (src/host/bench/benchMarks.ts decides).
 */
export interface PerfMarks {
  /** Whether marks go anywhere; callers skip work done only for a mark. */
  readonly enabled: boolean;
  /** Records `name` now, with an optional count (rows, items). */
  mark(name: string, count?: number): void;
}

/** Marks that go nowhere: what production builds use. */
export const noPerfMarks: PerfMarks = { enabled: false, mark: () => undefined };

/** The status-bar text of the benchmark's n-th ping (src/host/bench/benchPing.ts): what the page waits for. */
export function benchPingText(n: number): string {
  return `Fluxbase bench ping ${n}`;
}
