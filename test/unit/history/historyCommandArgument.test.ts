import * as assert from 'node:assert/strict';
import { historyPanelKey, secretRefFromArgument } from '../../../src/core/history/historyCommandArgument';
import { stripeRef } from './historyFixtures';

describe('secretRefFromArgument', () => {
  it('accepts a SecretRef', () => {
    assert.deepEqual(secretRefFromArgument(stripeRef), stripeRef);
  });

  it('accepts a tree node that carries a ref, and keeps only the ref fields', () => {
    const node = { kind: 'secret', ref: { ...stripeRef, valueHint: 'do not carry' }, label: 'STRIPE_KEY' };
    assert.deepEqual(secretRefFromArgument(node), stripeRef);
  });

  it('gives undefined for no argument or anything else', () => {
    for (const argument of [undefined, null, 'STRIPE_KEY', { ref: { id: 'x' } }, { kind: 'connection' }, [stripeRef]]) {
      assert.equal(secretRefFromArgument(argument), undefined, JSON.stringify(argument));
    }
  });
});

describe('historyPanelKey', () => {
  it('is the same for the same secret of the same connection and differs otherwise', () => {
    assert.equal(historyPanelKey(stripeRef), historyPanelKey({ ...stripeRef, name: 'renamed' }));
    assert.notEqual(historyPanelKey(stripeRef), historyPanelKey({ ...stripeRef, connectionId: 'other' }));
    assert.notEqual(historyPanelKey(stripeRef), historyPanelKey({ ...stripeRef, id: 'other' }));
  });
});
