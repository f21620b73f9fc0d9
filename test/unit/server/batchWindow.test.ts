/**
 * The writer thread's batch window: a batch smaller than the previous one may
 * wait for the writers on their way, at most one recent COMMIT's time and the
 * cap; a lone writer never waits.
 */
import * as assert from 'node:assert/strict';
import { BatchWindow } from '../../../server/storage/batchWindow';

describe('server: batch window of the writer thread', () => {
  it('never waits before the first commit, nor for a single writer', () => {
    const window = new BatchWindow();
    assert.equal(window.waitBudgetMs(1), 0, 'nothing measured yet');
    window.record(1, 0.5);
    assert.equal(window.expected, 1);
    assert.equal(window.waitBudgetMs(1), 0, 'one writer: its batch is complete');
  });

  it('lets a batch smaller than the last one wait, for at most a recent COMMIT and the cap', () => {
    const window = new BatchWindow({ maxWaitMs: 2, smoothing: 0.5 });
    window.record(8, 0.4);
    assert.equal(window.expected, 8);
    assert.equal(window.waitBudgetMs(1), 0.4, 'a COMMIT is what waiting can save');
    assert.equal(window.waitBudgetMs(7), 0.4);
    assert.equal(window.waitBudgetMs(8), 0, 'as many as last time: commit now');
    assert.equal(window.waitBudgetMs(9), 0);
    window.record(8, 10);
    assert.equal(window.waitBudgetMs(1), 2, 'a slow disk: the cap');
  });

  it('follows the writers: a batch that timed out smaller sets the next expectation', () => {
    const window = new BatchWindow({ smoothing: 0.5 });
    window.record(8, 1);
    window.record(3, 1);
    assert.equal(window.expected, 3);
    assert.equal(window.waitBudgetMs(3), 0);
    assert.equal(window.waitBudgetMs(2), 1);
  });

  it('estimates the COMMIT time as a running average', () => {
    const window = new BatchWindow({ maxWaitMs: 100, smoothing: 0.25 });
    window.record(4, 1);
    window.record(4, 5);
    assert.equal(window.waitBudgetMs(1), 0.75 * 1 + 0.25 * 5);
  });
});
