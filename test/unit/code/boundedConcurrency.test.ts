import * as assert from 'node:assert/strict';
import { runWithConcurrency } from '../../../src/core/code/boundedConcurrency';

/** A promise with its resolve and reject exposed. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every pending promise callback run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('runWithConcurrency', () => {
  it('never has more than the limit in flight and starts tasks in order', async () => {
    const gates = Array.from({ length: 5 }, () => deferred<number>());
    const started: number[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const run = runWithConcurrency([0, 1, 2, 3, 4], 2, async (item) => {
      started.push(item);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        return await (gates[item] as ReturnType<typeof deferred<number>>).promise;
      } finally {
        inFlight--;
      }
    });
    await settle();
    assert.deepEqual(started, [0, 1]);
    gates[1]?.resolve(10);
    await settle();
    assert.deepEqual(started, [0, 1, 2]);
    gates.forEach((g, i) => g.resolve(i * 10));
    const outcomes = await run;
    assert.equal(maxInFlight, 2);
    assert.deepEqual(
      outcomes,
      [0, 10, 20, 30, 40].map((value) => ({ status: 'fulfilled', value })),
    );
  });

  it('records a rejection at its index and goes on with the rest', async () => {
    const failure = new Error('boom');
    const outcomes = await runWithConcurrency([1, 2, 3], 2, async (item) => {
      if (item === 2) {
        throw failure;
      }
      return item;
    });
    assert.deepEqual(outcomes, [
      { status: 'fulfilled', value: 1 },
      { status: 'rejected', reason: failure },
      { status: 'fulfilled', value: 3 },
    ]);
  });

  it('starts no task after cancellation and lets the ones in flight finish', async () => {
    const signal = { isCancellationRequested: false };
    const gate = deferred<void>();
    const started: number[] = [];
    const run = runWithConcurrency(
      [0, 1, 2, 3, 4],
      2,
      async (item) => {
        started.push(item);
        await gate.promise;
        return item;
      },
      signal,
    );
    await settle();
    signal.isCancellationRequested = true;
    gate.resolve();
    const outcomes = await run;
    assert.deepEqual(started, [0, 1]);
    assert.deepEqual(
      outcomes.map((o) => o.status),
      ['fulfilled', 'fulfilled', 'cancelled', 'cancelled', 'cancelled'],
    );
  });

  it('starts nothing when cancelled before it begins, and handles an empty list', async () => {
    let calls = 0;
    const outcomes = await runWithConcurrency([1, 2], 4, async () => ++calls, { isCancellationRequested: true });
    assert.equal(calls, 0);
    assert.deepEqual(outcomes, [{ status: 'cancelled' }, { status: 'cancelled' }]);
    assert.deepEqual(await runWithConcurrency([], 3, async () => 1), []);
  });

  it('refuses a limit that is not a positive integer', async () => {
    await assert.rejects(
      runWithConcurrency([1], 0, async () => 1),
      RangeError,
    );
    await assert.rejects(
      runWithConcurrency([1], 1.5, async () => 1),
      RangeError,
    );
  });
});
