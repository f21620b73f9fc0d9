import * as assert from 'node:assert/strict';
import { documentProblemSteps, findDocumentProblems } from '../../../src/core/code/documentProblems';
import { runInSlices, runToEnd, type Steps } from '../../../src/core/slicedWork';
import { indexByVariable } from '../../../src/core/code/variableResolution';
import { turnsDuring } from '../../support/eventLoopTurns';
import { NOW, daysFromNow, entry } from './catalogFixtures';

function* fiveSteps(): Steps<string> {
  for (let i = 0; i < 5; i++) yield;
  return 'done';
}

describe('slicedWork: long checks in slices that yield', () => {
  it('runToEnd and runInSlices give the generator’s result', async () => {
    assert.equal(runToEnd(fiveSteps()), 'done');
    assert.equal(await runInSlices(fiveSteps()), 'done');
  });

  it('gives the loop a turn after every slice that used its budget (a budget of 0: after every step)', async () => {
    const { result, turns } = await turnsDuring(() => runInSlices(fiveSteps(), 0));
    assert.equal(result, 'done');
    assert.ok(turns >= 4, `other callbacks ran ${turns} times during 5 steps`);
  });

  it('runs on in the same turn while the budget lasts (a clock that stands still)', async () => {
    const { turns } = await turnsDuring(() => runInSlices(fiveSteps(), 8, () => 0));
    assert.equal(turns, 0);
  });

  it('a document checked in slices has the problems of the one-turn check, a step per variable', async () => {
    const index = indexByVariable([
      entry({ name: 'OK' }),
      entry({ name: 'OLD', is_expired: true, expires_at: daysFromNow(-1) }),
      entry({ name: 'SOON', expires_at: daysFromNow(2) }),
    ]);
    const text = ['OK', 'OLD', 'SOON', 'MISSING', 'OLD']
      .map((name) => `Deno.env.get("FLUXBASE_SECRET_${name}");`)
      .join('\n');
    const { result, turns } = await turnsDuring(() => runInSlices(documentProblemSteps(text, index, 1, NOW), 0));
    assert.deepEqual(result, findDocumentProblems(text, index, 1, NOW));
    assert.equal(result.length, 4);
    assert.ok(turns >= 3, `other callbacks ran ${turns} times while 4 variables were resolved`);
  });
});
