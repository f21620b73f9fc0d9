import * as assert from 'node:assert/strict';

/** What a check of {@link eventually} returns: `undefined` or `false` while the awaited state is not there yet. */
type Pending<T> = T | undefined | false;

/**
 * Polls `check` every `pollMs` (50 ms unless told) until it returns something
 * other than `undefined` or `false`, and resolves with that; fails with
 * "timed out waiting for `what`" after `ms`.
 */
export async function eventually<T>(
  what: string,
  check: () => Pending<T> | Promise<Pending<T>>,
  ms = 15_000,
  pollMs = 50,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) {
      return value;
    }
    if (Date.now() > deadline) {
      assert.fail(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
