/** The timers `waitAtMost` uses; tests pass their own to move time by hand. */
export interface WaitTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const globalTimers: WaitTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Resolves once `work` settles (fulfilled or rejected) or `ms` have passed, whichever comes first; never rejects. */
export function waitAtMost(work: Promise<unknown>, ms: number, timers: WaitTimers = globalTimers): Promise<void> {
  return new Promise((resolve) => {
    const handle = timers.setTimeout(resolve, ms);
    const settle = (): void => {
      timers.clearTimeout(handle);
      resolve();
    };
    work.then(settle, settle);
  });
}
