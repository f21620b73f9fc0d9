import * as assert from 'node:assert/strict';
import type { SecretSummary } from '../../../src/core/api/secretTypes';
import type {
  ConnectionNode,
  ExplorerNode,
  MessageNode,
  NamespaceNode,
  ScopeNode,
  SecretNode,
} from '../../../src/core/explorer/explorerNodes';
import { plainDataEqual } from '../../../src/core/explorer/plainDataEqual';
import type { ConnectionState, ConnectionStatus } from '../../../src/core/explorer/secretsStore';
import { secretTooltip } from '../../../src/core/explorer/secretTooltip';
import { anyConnectionSignedIn, buildExplorerTree, connectionDescription } from '../../../src/core/explorer/treeModel';
import { DAY, NOW } from './support/fakeFluxbase';
import { readyState, summary } from './support/secrets';

function labels(nodes: readonly ExplorerNode[]): string[] {
  return nodes.map((node) => node.label);
}

function childrenOf(node: ExplorerNode | undefined): ExplorerNode[] {
  assert.ok(node && 'children' in node, `${node?.label} has children`);
  return node.children;
}

function find(nodes: readonly ExplorerNode[], label: string): ExplorerNode {
  const node = nodes.find((candidate) => candidate.label === label);
  assert.ok(node, `node ${label}`);
  return node;
}

describe('buildExplorerTree', () => {
  const secrets = [
    summary({ name: 'zeta' }),
    summary({ name: 'Alpha' }),
    summary({ name: 'beta' }),
    summary({ name: 'API_KEY', namespace: 'payments' }),
    summary({ name: 'DB_URL', namespace: 'analytics' }),
    summary({ name: 'api_key' }),
  ];

  it('groups a connection into Global and Namespaces, then each namespace, with secrets sorted by name', () => {
    const [root] = buildExplorerTree([readyState(secrets)], { now: NOW });
    assert.equal(root?.kind, 'connection');
    const scopes = childrenOf(root);
    assert.deepEqual(labels(scopes), ['Global', 'Namespaces']);
    assert.deepEqual(labels(childrenOf(scopes[0])), ['Alpha', 'api_key', 'beta', 'zeta']);
    const namespaces = childrenOf(scopes[1]);
    assert.deepEqual(labels(namespaces), ['analytics', 'payments']);
    assert.deepEqual(labels(childrenOf(namespaces[1])), ['API_KEY']);
    assert.equal(scopes[0]?.description, '4 secrets');
    assert.equal(scopes[1]?.description, '2 namespaces');
    assert.equal((namespaces[0] as NamespaceNode).namespace, 'analytics');
  });

  it('gives every node an id made of connection, scope, namespace and secret id that survives a refresh', () => {
    const first = buildExplorerTree([readyState(secrets)], { now: NOW });
    const again = buildExplorerTree([readyState([...secrets].reverse())], { now: NOW + 1000 });
    const ids = (nodes: readonly ExplorerNode[]): string[] =>
      nodes.flatMap((node) => [node.id, ...('children' in node ? ids(node.children) : [])]);
    assert.deepEqual(ids(again).sort(), ids(first).sort());
    assert.equal(new Set(ids(first)).size, ids(first).length, 'ids are unique');
    const payments = find(childrenOf(find(childrenOf(first[0]), 'Namespaces')), 'payments');
    const secret = childrenOf(payments)[0] as SecretNode;
    assert.equal(secret.id, `conn-1/namespaces/payments/${encodeURIComponent(secret.ref.id)}`);
  });

  it('encodes the parts of a node id that a path separator or space would break', () => {
    const odd = { ...summary({ name: 'ODD', namespace: 'team/a b' }), id: 'id/with space?' };
    const [root] = buildExplorerTree([readyState([odd], 'conn/1')], { now: NOW });
    const namespace = find(childrenOf(find(childrenOf(root), 'Namespaces')), 'team/a b');
    assert.equal(root?.id, 'conn%2F1');
    assert.equal(namespace.id, 'conn%2F1/namespaces/team%2Fa%20b');
    assert.equal(childrenOf(namespace)[0]?.id, 'conn%2F1/namespaces/team%2Fa%20b/id%2Fwith%20space%3F');
  });

  it("builds a group's secret nodes when its children are first read, from the rows it shows, and keeps them", () => {
    const [root] = buildExplorerTree([readyState(secrets)], { now: NOW });
    const global = find(childrenOf(root), 'Global') as ScopeNode;
    const payments = find(childrenOf(find(childrenOf(root), 'Namespaces')), 'payments') as NamespaceNode;
    for (const group of [global, payments]) {
      assert.ok(!Object.keys(group).includes('children'), `${group.label}: children are built on demand`);
      assert.equal(group.childCount, group.rows?.secrets.length);
      const children = group.children as SecretNode[];
      assert.equal(group.children, children, `${group.label}: built once`);
      assert.deepEqual(
        children.map((node) => node.secret),
        group.rows?.secrets,
      );
      assert.deepEqual(
        children.map((node) => node.description),
        group.rows?.descriptions,
      );
    }
    assert.deepEqual(labels(global.children), ['Alpha', 'api_key', 'beta', 'zeta']);
  });

  it('compares two trees by the rows their groups show, so an unchanged list compares equal unbuilt', () => {
    const build = (list: SecretSummary[], now = NOW): ExplorerNode[] => buildExplorerTree([readyState(list)], { now });
    assert.ok(plainDataEqual(build(secrets), build([...secrets])));
    const newer = secrets.map((secret) => (secret.name === 'DB_URL' ? { ...secret, version: 2 } : secret));
    assert.ok(!plainDataEqual(build(secrets), build(newer)), 'a secret in a namespace changed');
    const renamed = secrets.map((secret) => (secret.name === 'zeta' ? { ...secret, name: 'omega' } : secret));
    assert.ok(!plainDataEqual(build(secrets), build(renamed)), 'a global secret changed');
    const soon = [...secrets, summary({ name: 'SOON', expires_at: new Date(NOW + 3 * DAY).toISOString() })];
    assert.ok(!plainDataEqual(build(soon), build(soon, NOW + DAY)), 'a row whose text changed with time');
  });

  it('gives each secret node the SecretRef that commands act on', () => {
    const [root] = buildExplorerTree([readyState(secrets)], { now: NOW });
    const payments = find(childrenOf(find(childrenOf(root), 'Namespaces')), 'payments');
    const node = childrenOf(payments)[0] as SecretNode;
    assert.deepEqual(node.ref, {
      connectionId: 'conn-1',
      id: node.secret.id,
      name: 'API_KEY',
      scope: 'namespace',
      namespace: 'payments',
    });
    const alpha = find(childrenOf(find(childrenOf(root), 'Global')), 'Alpha') as SecretNode;
    assert.deepEqual(Object.keys(alpha.ref).sort(), ['connectionId', 'id', 'name', 'scope']);
  });

  it('describes secrets by version and expiry, and tells the three expiry states apart', () => {
    const [root] = buildExplorerTree(
      [
        readyState([
          summary({ name: 'A', version: 3 }),
          summary({ name: 'B', version: 2, expires_at: new Date(NOW + 5 * DAY).toISOString() }),
          summary({ name: 'C', expires_at: new Date(NOW - DAY).toISOString(), is_expired: true }),
          summary({ name: 'D', expires_at: new Date(NOW + 60 * DAY).toISOString() }),
        ]),
      ],
      { now: NOW },
    );
    const global = childrenOf(find(childrenOf(root), 'Global')) as SecretNode[];
    assert.deepEqual(
      global.map((node) => [node.label, node.description, node.expiry]),
      [
        ['A', 'v3', 'active'],
        ['B', 'expires in 5 days · v2', 'expiring'],
        ['C', 'expired · v1', 'expired'],
        ['D', 'v1 · expires in 2 months', 'active'],
      ],
    );
  });

  it('marks a namespace secret that overrides a global one with the same variable, in description and tooltip', () => {
    const [root] = buildExplorerTree([readyState(secrets)], { now: NOW });
    const payments = find(childrenOf(find(childrenOf(root), 'Namespaces')), 'payments');
    const node = childrenOf(payments)[0] as SecretNode;
    assert.equal(node.description, 'v1 · overrides global');
    assert.deepEqual(
      node.overrides.map((global) => global.name),
      ['api_key'],
    );
    assert.match(secretTooltip({ ...node, now: NOW }), /Overrides the global secret `api_key`/);
    const global = find(childrenOf(find(childrenOf(root), 'Global')), 'api_key') as SecretNode;
    assert.deepEqual(global.overriddenIn, ['payments']);
    assert.match(secretTooltip({ ...global, now: NOW }), /Overridden by a secret of the same variable in: `payments`/);
    const analytics = find(childrenOf(find(childrenOf(root), 'Namespaces')), 'analytics');
    assert.equal((childrenOf(analytics)[0] as SecretNode).description, 'v1');
  });

  it('shows the stats in the connection description, problems compactly, and the status otherwise', () => {
    const ready: ConnectionState = { ...readyState([]), stats: { total: 5, expiring_soon: 1, expired: 2 } };
    assert.equal(connectionDescription(ready), '5 · 2 expired · 1 expiring');
    assert.equal(
      connectionDescription({ ...ready, stats: { total: 7, expiring_soon: 1, expired: 0 } }),
      '7 · 1 expiring',
    );
    assert.equal(connectionDescription({ ...ready, stats: { total: 1, expiring_soon: 0, expired: 0 } }), '1 secret');
    assert.equal(connectionDescription({ ...ready, status: 'signedOut' }), 'signed out');
    assert.equal(connectionDescription({ ...ready, status: 'sessionExpired' }), 'session expired');
    assert.equal(connectionDescription({ ...ready, status: 'loading' }), 'loading…');
    assert.equal(connectionDescription({ ...ready, status: 'error' }), 'error');
  });

  it('replaces the content of a connection that is not ready by one message node with the fix', () => {
    const base = readyState([]);
    const message = (state: ConnectionState): MessageNode => {
      const [root] = buildExplorerTree([state], { now: NOW });
      const children = childrenOf(root);
      assert.equal(children.length, 1);
      assert.equal(children[0]?.kind, 'message');
      return children[0] as MessageNode;
    };
    assert.equal(message({ ...base, status: 'signedOut', secrets: [] }).action, 'signIn');
    const expired = message({ ...base, status: 'sessionExpired', error: 'Invalid or expired Bearer token' });
    assert.equal(expired.action, 'signIn');
    assert.match(expired.label, /Session expired.*Invalid or expired Bearer token/);
    const failed = message({ ...base, status: 'error', error: 'Cannot reach https://x: connection refused' });
    assert.equal(failed.action, 'refresh');
    assert.equal(failed.severity, 'error');
    assert.match(failed.label, /connection refused/);
    assert.equal(message({ ...base, status: 'loading' }).action, undefined);
  });

  it('shows empty Global and Namespaces groups for a connection without secrets', () => {
    const [root] = buildExplorerTree([readyState([])], { now: NOW });
    const scopes = childrenOf(root) as ScopeNode[];
    assert.deepEqual(
      scopes.map((scope) => [scope.label, scope.description, scope.children.length]),
      [
        ['Global', '0 secrets', 0],
        ['Namespaces', '0 namespaces', 0],
      ],
    );
  });

  it('with a filter keeps only matching secrets and the groups that hold them', () => {
    const [root] = buildExplorerTree([readyState(secrets)], { now: NOW, filter: 'api' });
    const scopes = childrenOf(root);
    assert.deepEqual(labels(scopes), ['Global', 'Namespaces']);
    assert.deepEqual(labels(childrenOf(scopes[0])), ['api_key']);
    assert.deepEqual(labels(childrenOf(scopes[1])), ['payments']);

    const [byNamespace] = buildExplorerTree([readyState(secrets)], { now: NOW, filter: 'ANALYTICS' });
    assert.deepEqual(labels(childrenOf(byNamespace)), ['Namespaces']);

    const [none] = buildExplorerTree([readyState(secrets)], { now: NOW, filter: 'nothing-like-this' });
    const [message] = childrenOf(none);
    assert.equal(message?.kind, 'message');
    assert.equal(message?.label, 'No secret matches "nothing-like-this"');
  });

  it('keeps one root per connection, in order', () => {
    const roots: ConnectionNode[] = buildExplorerTree([readyState([], 'a', 'Prod'), readyState([], 'b', 'Staging')], {
      now: NOW,
    });
    assert.deepEqual(labels(roots), ['Prod', 'Staging']);
    assert.notEqual(roots[0]?.id, roots[1]?.id);
  });
});

describe('anyConnectionSignedIn (the walkthrough’s Connect step)', () => {
  const withStatus = (status: ConnectionStatus, id = 'a'): ConnectionState => ({ ...readyState([], id), status });

  it('is true once some connection is signed in, listed or not', () => {
    assert.equal(anyConnectionSignedIn([withStatus('signedOut'), withStatus('ready', 'b')]), true);
    assert.equal(anyConnectionSignedIn([withStatus('loading')]), true);
    assert.equal(anyConnectionSignedIn([withStatus('error')]), true);
  });

  it('is false with no connection, or only signed-out and expired ones', () => {
    assert.equal(anyConnectionSignedIn([]), false);
    assert.equal(anyConnectionSignedIn([withStatus('signedOut'), withStatus('sessionExpired', 'b')]), false);
  });
});
