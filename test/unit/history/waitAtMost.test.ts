import * as assert from 'node:assert/strict';
import { waitAtMost, type WaitTimers } from '../../../src/core/history/waitAtMost';

/** Timers moved by hand: `fire()` runs the pending callbacks, as if their time had come. */
class HandTimers implements WaitTimers {
  readonly pending = new Map<number, () => void>();
  readonly delays: number[] = [];
  private next = 0;

  setTimeout(callback: () => void, ms: number): unknown {
    this.delays.push(ms);
    this.pending.set(++this.next, callback);
    return this.next;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  fire(): void {
    for (const [handle, callback] of [...this.pending]) {
      this.pending.delete(handle);
      callback();
    }
  }
}

async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  for (let turn = 0; turn < 5; turn++) {
    await Promise.resolve();
  }
  return settled;
}

describe('waitAtMost', () => {
  it('resolves when the work does, and clears its timer', async () => {
    const timers = new HandTimers();
    let finish!: () => void;
    const waited = waitAtMost(new Promise<void>((resolve) => (finish = resolve)), 250, timers);
    assert.deepEqual(timers.delays, [250]);
    assert.equal(await isSettled(waited), false);
    finish();
    assert.equal(await isSettled(waited), true);
    assert.equal(timers.pending.size, 0);
  });

  it('resolves (never rejects) when the work fails', async () => {
    const timers = new HandTimers();
    await waitAtMost(Promise.reject(new Error('down')), 250, timers);
    assert.equal(timers.pending.size, 0);
  });

  it('resolves when the time is up, while the work still runs', async () => {
    const timers = new HandTimers();
    const waited = waitAtMost(new Promise<void>(() => undefined), 250, timers);
    assert.equal(await isSettled(waited), false);
    timers.fire();
    assert.equal(await isSettled(waited), true);
  });
});
