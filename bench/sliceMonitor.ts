/**
 * The longest synchronous slice of the event loop while some work runs: a
 * 1 ms timer re-arms itself and records the largest gap between two of its
 * ticks. A gap is at most 1 ms longer than the longest run of code that kept
 * the loop from firing it (an upper bound, never an underestimate), and the
 * timer costs nearly nothing while the loop waits for I/O.
 */

/** What the monitor saw. */
export interface SliceFigures {
  /** Wall time of the work. */
  ms: number;
  /** The largest gap between two ticks of the 1 ms timer during the work. */
  longestSliceMs: number;
  /** How many gaps were over 50 ms. */
  slicesOver50Ms: number;
  /**
   * The most CPU time the process used between two ticks (`process.cpuUsage`, all its threads):
   * the gap less the time the OS ran other processes, which on a loaded machine is most of a long gap.
   */
  longestSliceCpuMs: number;
}

/** Runs `work` and reports its wall time and the longest slice the event loop was blocked meanwhile. */
export async function measureSlices(work: () => Promise<unknown>): Promise<SliceFigures> {
  let longest = 0;
  let longestCpu = 0;
  let over50 = 0;
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  const cpuSinceLast = (): number => {
    const used = process.cpuUsage(lastCpu);
    return (used.user + used.system) / 1000;
  };
  let timer: NodeJS.Timeout | undefined;
  const tick = (): void => {
    const now = performance.now();
    const gap = now - last;
    longest = Math.max(longest, gap);
    longestCpu = Math.max(longestCpu, cpuSinceLast());
    if (gap > 50) over50++;
    last = now;
    lastCpu = process.cpuUsage();
    timer = setTimeout(tick, 1);
  };
  timer = setTimeout(tick, 1);
  const started = performance.now();
  try {
    await work();
  } finally {
    clearTimeout(timer);
  }
  const ended = performance.now();
  // the work's own last slice, if it ended after the last tick
  longest = Math.max(longest, ended - last);
  longestCpu = Math.max(longestCpu, cpuSinceLast());
  if (ended - last > 50) over50++;
  return { ms: ended - started, longestSliceMs: longest, slicesOver50Ms: over50, longestSliceCpuMs: longestCpu };
}

/** Times a synchronous slice of work: it is one slice by construction. */
export function measureSyncSlice<T>(work: () => T): { ms: number; result: T } {
  const started = performance.now();
  const result = work();
  return { ms: performance.now() - started, result };
}
