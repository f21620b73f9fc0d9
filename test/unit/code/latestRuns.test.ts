import * as assert from 'node:assert/strict';
import { LatestRuns } from '../../../src/core/code/latestRuns';

describe('LatestRuns: a sliced check overtaken by a newer one, or a close, is dropped', () => {
  it('only the latest run of a key is current; other keys are apart', () => {
    const runs = new LatestRuns();
    const first = runs.start('a');
    const other = runs.start('b');
    assert.equal(first(), true);
    const second = runs.start('a');
    assert.equal(first(), false);
    assert.equal(second(), true);
    assert.equal(other(), true);
  });

  it('a run from before forget stays overtaken when the key starts again', () => {
    const runs = new LatestRuns();
    const beforeClose = runs.start('a');
    runs.forget('a');
    assert.equal(beforeClose(), false);
    const reopened = runs.start('a');
    assert.equal(beforeClose(), false);
    assert.equal(reopened(), true);
  });
});
