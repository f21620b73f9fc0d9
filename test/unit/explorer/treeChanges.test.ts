import * as assert from 'node:assert/strict';
import type { SecretSummary } from '../../../src/core/api/secretTypes';
import type { ConnectionNode, ExplorerNode } from '../../../src/core/explorer/explorerNodes';
import type { ConnectionState } from '../../../src/core/explorer/secretsStore';
import { treeRedraws } from '../../../src/core/explorer/treeChanges';
import { buildExplorerTree } from '../../../src/core/explorer/treeModel';
import { DAY, NOW } from './support/fakeFluxbase';
import { readyState, summary } from './support/secrets';

const tree = (states: ConnectionState[], now = NOW, filter?: string): ConnectionNode[] =>
  buildExplorerTree(states, { now, ...(filter === undefined ? {} : { filter }) });

function ids(nodes: readonly ExplorerNode[]): string[] {
  return nodes.flatMap((node) => [node.id, ...('children' in node ? ids(node.children) : [])]);
}

describe('treeRedraws: what a rebuilt tree redraws', () => {
  const secrets: SecretSummary[] = [
    summary({ name: 'ALPHA' }),
    summary({ name: 'SOON', expires_at: new Date(NOW + 3 * DAY).toISOString() }),
    summary({ name: 'API_KEY', namespace: 'payments' }),
    summary({ name: 'DB_URL', namespace: 'analytics' }),
    summary({ name: 'TOKEN', namespace: 'analytics' }),
  ];
  const twoConnections = (list: SecretSummary[]): ConnectionState[] => [
    readyState(list),
    readyState(secrets, 'conn-2', 'Dev'),
  ];

  it('redraws nothing when the list is the same', () => {
    assert.deepEqual(treeRedraws(tree(twoConnections(secrets)), tree(twoConnections([...secrets]))), []);
  });

  it('a changed secret in one namespace redraws only that namespace', () => {
    const newer = secrets.map((secret) => (secret.name === 'DB_URL' ? { ...secret, version: 2 } : secret));
    const redraw = treeRedraws(tree(twoConnections(secrets)), tree(twoConnections(newer)));
    assert.deepEqual(redraw, ['conn-1/namespaces/analytics']);
  });

  it("a row's description that changed with time redraws its group", () => {
    const redraw = treeRedraws(tree(twoConnections(secrets)), tree(twoConnections(secrets), NOW + DAY));
    // SOON: "expires in 3 days" → "expires in 2 days", in both connections
    assert.deepEqual(redraw, ['conn-1/global', 'conn-2/global']);
  });

  it('a secret in a new namespace redraws its connection (its count and its namespaces changed)', () => {
    const added = [...secrets, summary({ name: 'WEBHOOK', namespace: 'billing' })];
    const redraw = treeRedraws(tree(twoConnections(secrets)), tree(twoConnections(added)));
    assert.deepEqual(redraw, ['conn-1']);
  });

  it('a namespace that appears while the count stays redraws Namespaces, and a changed Global redraws Global', () => {
    const moved = [
      ...secrets.filter((secret) => secret.name !== 'ALPHA'),
      summary({ name: 'WEBHOOK', namespace: 'billing' }),
    ];
    const redraw = treeRedraws(tree(twoConnections(secrets)), tree(twoConnections(moved)));
    assert.deepEqual(redraw, ['conn-1/global', 'conn-1/namespaces']);
  });

  it('redraws everything when the connections themselves changed', () => {
    const before = tree(twoConnections(secrets));
    assert.equal(treeRedraws(before, tree([readyState(secrets)])), 'all');
    assert.equal(treeRedraws(before, tree([...twoConnections(secrets)].reverse())), 'all');
    assert.equal(treeRedraws([], before), 'all');
  });

  it('a status change redraws its connection, and a filter that matches nothing in either redraws its message', () => {
    const loading: ConnectionState = { ...readyState([]), status: 'loading' };
    assert.deepEqual(treeRedraws(tree([loading]), tree([readyState(secrets)])), ['conn-1']);
    const redraw = treeRedraws(tree(twoConnections(secrets), NOW, 'zzz'), tree(twoConnections(secrets), NOW, 'yyy'));
    assert.deepEqual(redraw, ['conn-1/message', 'conn-2/message']);
  });

  it('keeps node ids across a filter change: a filtered tree holds only ids of the whole tree', () => {
    const whole = new Set(ids(tree(twoConnections(secrets))));
    const filtered = ids(tree(twoConnections(secrets), NOW, 'api'));
    assert.ok(filtered.length > 2 && filtered.length < whole.size);
    for (const id of filtered) assert.ok(whole.has(id), `${id} is an id of the whole tree`);
  });
});
