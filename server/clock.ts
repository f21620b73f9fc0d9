/**
 * The server's clock, in microseconds since the Unix epoch. Everything that
 * upstream takes from Postgres `NOW()` (timestamps, expiry, stats, lockout)
 * and from Go's `time.Now()` (JWT times) reads it, so tests can move time.
 */
export type Clock = () => number;

/**
 * A wall clock with microsecond resolution: `performance.now()` anchored to
 * `Date.now()`, re-anchored when the two drift apart by more than a second
 * (for example after the system clock was set).
 */
export function createSystemClock(): Clock {
  let anchor = Date.now() - performance.now();
  return () => {
    const ms = performance.now() + anchor;
    const wall = Date.now();
    if (Math.abs(ms - wall) > 1000) {
      anchor = wall - performance.now();
      return Math.floor(wall * 1000);
    }
    return Math.floor(ms * 1000);
  };
}
