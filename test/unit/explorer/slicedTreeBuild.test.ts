import * as assert from 'node:assert/strict';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { SecretSummary } from '../../../src/core/api/secretTypes';
import type { ConnectionNode } from '../../../src/core/explorer/explorerNodes';
import { plainDataEqual } from '../../../src/core/explorer/plainDataEqual';
import type { ConnectionState } from '../../../src/core/explorer/secretsStore';
import { buildExplorerTree, explorerTreeSteps } from '../../../src/core/explorer/treeModel';
import { LatestSlicedBuild } from '../../../src/core/latestSlicedBuild';
import { runInSlices, type Steps } from '../../../src/core/slicedWork';
import { turnsDuring } from '../../support/eventLoopTurns';
import { NOW } from './support/fakeFluxbase';
import { readyState, summary } from './support/secrets';

/** 2,500 secrets: 500 global, the rest in 20 namespaces. */
function manySecrets(prefix: string): SecretSummary[] {
  return Array.from({ length: 2500 }, (_, i) =>
    summary({ name: `${prefix}_${i}`, ...(i % 5 === 0 ? {} : { namespace: `ns-${i % 20}` }) }),
  );
}

const states = (prefix: string): ConnectionState[] => [readyState(manySecrets(prefix))];

/** Waits until `builder` has no build running (a bounded number of turns). */
async function settled(builder: { readonly building: boolean }): Promise<void> {
  for (let turn = 0; builder.building && turn < 10_000; turn++) await nextTurn();
  assert.equal(builder.building, false, 'the build ended');
}

describe('the explorer tree built in slices', () => {
  it('explorerTreeSteps in slices builds the tree buildExplorerTree builds, giving the loop turns', async () => {
    const input = states('SAME');
    const { result, turns } = await turnsDuring(() => runInSlices(explorerTreeSteps(input, { now: NOW }), 0));
    assert.ok(plainDataEqual(result, buildExplorerTree(input, { now: NOW })));
    // partition, index, Global's sort and its rows, the namespaces' sort, then each of the 20 namespaces
    assert.ok(turns >= 20, `other callbacks ran ${turns} times during the build`);
  });

  it('installs a build that ends within its first slice in the turn it started', () => {
    const installed: ConnectionNode[][] = [];
    const builder = new LatestSlicedBuild<ConnectionNode[]>(
      (roots) => installed.push(roots),
      8,
      () => 0,
    );
    builder.start(explorerTreeSteps(states('NOW'), { now: NOW }));
    assert.equal(installed.length, 1);
    assert.equal(builder.building, false);
  });

  it('installs a long build only whole, after the turns it yielded, never a part of it', async () => {
    const installed: ConnectionNode[][] = [];
    const builder = new LatestSlicedBuild<ConnectionNode[]>((roots) => installed.push(roots), 0);
    const input = states('WHOLE');
    builder.start(explorerTreeSteps(input, { now: NOW }));
    assert.equal(installed.length, 0, 'nothing in the turn it started');
    assert.equal(builder.building, true);
    await nextTurn();
    assert.equal(installed.length, 0, 'nothing after one turn');
    await settled(builder);
    assert.equal(installed.length, 1);
    assert.ok(plainDataEqual(installed[0], buildExplorerTree(input, { now: NOW })));
  });

  it('a newer build overtakes an older one: only the newer is installed', async () => {
    const installed: string[] = [];
    const builder = new LatestSlicedBuild<ConnectionNode[]>(
      (roots) => installed.push((roots as ConnectionNode[] | undefined)?.[0]?.description ?? 'no tree'),
      0,
    );
    builder.start(explorerTreeSteps(states('OLD'), { now: NOW }));
    await nextTurn();
    builder.start(explorerTreeSteps([readyState(manySecrets('NEW').slice(0, 2000))], { now: NOW }));
    await settled(builder);
    for (let turn = 0; turn < 50; turn++) await nextTurn();
    assert.deepEqual(installed, ['2000 secrets']);
  });

  it('an overtaken build runs no further step', async () => {
    let olderSteps = 0;
    function* older(): Steps<string> {
      for (let i = 0; i < 1000; i++) {
        olderSteps++;
        yield;
      }
      return 'older';
    }
    const installed: string[] = [];
    const builder = new LatestSlicedBuild<string>((result) => installed.push(result), 0);
    builder.start(older());
    await nextTurn();
    const ranBefore = olderSteps;
    function* newer(): Steps<string> {
      yield;
      return 'newer';
    }
    builder.start(newer());
    for (let turn = 0; turn < 50; turn++) await nextTurn();
    assert.equal(olderSteps, ranBefore);
    assert.deepEqual(installed, ['newer']);
  });

  it('finish() ends the running build in this turn, and its sliced run does not install it again', async () => {
    const installed: ConnectionNode[][] = [];
    const builder = new LatestSlicedBuild<ConnectionNode[]>((roots) => installed.push(roots), 0);
    const input = states('NOW');
    builder.start(explorerTreeSteps(input, { now: NOW }));
    builder.finish();
    assert.equal(installed.length, 1);
    assert.ok(plainDataEqual(installed[0], buildExplorerTree(input, { now: NOW })));
    for (let turn = 0; turn < 50; turn++) await nextTurn();
    assert.equal(installed.length, 1);
  });

  it('finish() right after the start of a build of two slices installs its result once', async () => {
    function* twoSlices(): Steps<string> {
      yield;
      return 'built';
    }
    const installed: (string | undefined)[] = [];
    const builder = new LatestSlicedBuild<string>((result) => installed.push(result), 0);
    builder.start(twoSlices());
    builder.finish();
    for (let turn = 0; turn < 20; turn++) await nextTurn();
    assert.deepEqual(installed, ['built']);
  });

  it('a disposed builder installs nothing more', async () => {
    const installed: ConnectionNode[][] = [];
    const builder = new LatestSlicedBuild<ConnectionNode[]>((roots) => installed.push(roots), 0);
    builder.start(explorerTreeSteps(states('GONE'), { now: NOW }));
    builder.dispose();
    for (let turn = 0; turn < 200; turn++) await nextTurn();
    assert.deepEqual(installed, []);
  });
});
