import * as assert from 'node:assert/strict';
import { buildCompareRows } from '../../../src/core/compare/compareModel';
import {
  isComparePageState,
  isCompareHostMessage,
  isComparePageMessage,
  type CompareHostMessage,
  type ComparePageMessage,
} from '../../../src/shared/compareProtocol';
import { NOW } from '../explorer/support/fakeFluxbase';
import { summary } from '../explorer/support/secrets';

const rows = buildCompareRows(
  [
    { connectionId: 'a', connectionName: 'prod', scope: { kind: 'global' }, secrets: [summary({ name: 'A' })] },
    { connectionId: 'b', connectionName: 'staging', scope: { kind: 'global' }, secrets: [] },
  ],
  NOW,
);
const table: CompareHostMessage = {
  type: 'table',
  columns: ['prod · Global', 'staging · Global'],
  rows,
  filter: 'all',
};

function with_(path: (copy: Record<string, unknown> & { rows: Record<string, unknown>[] }) => void): unknown {
  const copy = structuredClone(table) as unknown as Record<string, unknown> & { rows: Record<string, unknown>[] };
  path(copy);
  return copy;
}

describe('compare protocol guards', () => {
  it('accepts a table built by the model, and a notice', () => {
    assert.equal(isCompareHostMessage(structuredClone(table)), true);
    assert.equal(isCompareHostMessage({ type: 'notice', text: 'Created A on staging.' }), true);
  });

  it('rejects a table whose parts are missing or of the wrong type', () => {
    const present = (copy: { rows: Record<string, unknown>[] }) =>
      (copy.rows[0]!.cells as Record<string, unknown>[])[0]!;
    for (const bad of [
      with_((copy) => delete copy.columns),
      with_((copy) => (copy.columns = ['only one'])),
      with_((copy) => (copy.filter = 'everything')),
      with_((copy) => (copy.rows[0]!.variable = 7)),
      with_((copy) => (copy.rows[0]!.differs = 'yes')),
      with_((copy) => (copy.rows[0]!.missingSomewhere = undefined)),
      with_((copy) => (present(copy).version = 0)),
      with_((copy) => (present(copy).version = 1.5)),
      with_((copy) => (present(copy).expiry = 'soon')),
      with_((copy) => (present(copy).override = 'no')),
      with_((copy) => delete present(copy).secretId),
      with_((copy) => ((copy.rows[0]!.cells as unknown[])[1] = { kind: 'absent' })),
      // eslint-disable-next-line no-sparse-arrays
      with_((copy) => (copy.rows[0]!.cells = [, { kind: 'missing' }])),
    ]) {
      assert.equal(isCompareHostMessage(bad), false, JSON.stringify(bad));
    }
  });

  it('rejects unknown host kinds, non-objects and arrays', () => {
    for (const bad of [null, 'table', [], { type: 'history' }, { type: 'notice' }]) {
      assert.equal(isCompareHostMessage(bad), false);
    }
  });

  it('accepts the page messages and rejects malformed ones', () => {
    const valid: ComparePageMessage[] = [
      { type: 'ready' },
      { type: 'refresh' },
      { type: 'setFilter', filter: 'differences' },
      { type: 'showHistory', variable: 'FLUXBASE_SECRET_A', column: 0 },
      { type: 'createHere', variable: 'FLUXBASE_SECRET_A', column: 1 },
    ];
    for (const message of valid) {
      assert.equal(isComparePageMessage(message), true, message.type);
    }
    for (const bad of [
      { type: 'setFilter', filter: 'some' },
      { type: 'showHistory', variable: 'A', column: -1 },
      { type: 'showHistory', variable: 'A', column: 0.5 },
      { type: 'createHere', variable: 7, column: 0 },
      { type: 'createHere', variable: 'A' },
      { type: 'table' },
      { type: 'rollback', version: 1 },
      null,
      [],
    ]) {
      assert.equal(isComparePageMessage(bad), false, JSON.stringify(bad));
    }
  });

  it('accepts a saved page state and a state message, and rejects malformed ones', () => {
    const state = {
      columns: [
        { connectionId: 'a', scope: { kind: 'global' } },
        { connectionId: 'b', scope: { kind: 'function', namespace: 'payments' } },
      ],
      filter: 'missing',
    };
    assert.equal(isComparePageState(state), true);
    assert.equal(isCompareHostMessage({ type: 'state', state }), true);
    for (const bad of [
      { ...state, filter: 'some' },
      { ...state, columns: [{ connectionId: 'a', scope: { kind: 'namespace' } }] },
      { ...state, columns: [{ connectionId: 1, scope: { kind: 'global' } }] },
      { ...state, columns: [{ connectionId: 'a', scope: { kind: 'everything' } }] },
      { ...state, columns: 'a' },
      null,
    ]) {
      assert.equal(isComparePageState(bad), false, JSON.stringify(bad));
      assert.equal(isCompareHostMessage({ type: 'state', state: bad }), false, JSON.stringify(bad));
    }
  });
});
