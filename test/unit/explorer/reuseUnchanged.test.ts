import * as assert from 'node:assert/strict';
import { reuseUnchanged, reuseUnchangedInSlices } from '../../../src/core/explorer/reuseUnchanged';
import { turnsDuring } from '../../support/eventLoopTurns';
import { summary } from './support/secrets';

describe('reuseUnchanged', () => {
  const a = summary({ name: 'A' });
  const b = summary({ name: 'B', namespace: 'payments' });
  const c = summary({ name: 'C' });

  it('keeps the previous object of every secret that did not change, in the new order', () => {
    const next = [{ ...c }, { ...a }, { ...b }];
    const kept = reuseUnchanged([a, b, c], next);
    assert.equal(kept.length, 3);
    assert.equal(kept[0], c);
    assert.equal(kept[1], a);
    assert.equal(kept[2], b);
  });

  it('takes the new object of a secret whose any field changed, and of a new secret', () => {
    const changed = [
      { ...a, version: a.version + 1 },
      { ...b, description: 'now described' },
      { ...c, is_expired: true },
    ];
    const d = summary({ name: 'D' });
    const kept = reuseUnchanged([a, b, c], [...changed, d]);
    changed.forEach((secret, i) => assert.equal(kept[i], secret, `${secret.name} is the new object`));
    assert.equal(kept[3], d);
  });

  it('does not match secrets by name: a secret deleted and created again has a new id', () => {
    const recreated = { ...a, id: 'id-new' };
    assert.equal(reuseUnchanged([a], [recreated])[0], recreated);
  });

  it('returns a new array, even for a first list', () => {
    const next = [a];
    const kept = reuseUnchanged([], next);
    assert.deepEqual(kept, next);
    assert.notEqual(kept, next);
  });
});

describe('reuseUnchangedInSlices', () => {
  const secrets = Array.from({ length: 10 }, (_, i) => summary({ name: `S${i}` }));

  it('gives what reuseUnchanged gives: the previous object of each unchanged secret, the new one of each changed', async () => {
    const next = secrets.map((secret, i) => (i % 3 === 0 ? { ...secret, description: 'changed' } : { ...secret }));
    const sliced = await reuseUnchangedInSlices(secrets, next, 3);
    const whole = reuseUnchanged(secrets, next);
    assert.equal(sliced.length, whole.length);
    sliced.forEach((secret, i) => assert.equal(secret, whole[i], `secret ${i} is the same object`));
    assert.deepEqual(await reuseUnchangedInSlices([], next, 3), next);
  });

  it('lets other work run between slices', async () => {
    const next = secrets.map((secret) => ({ ...secret }));
    const { turns } = await turnsDuring(() => reuseUnchangedInSlices(secrets, next, 2));
    assert.ok(turns >= 5, `other callbacks ran ${turns} times during 5 slices`);
  });
});
