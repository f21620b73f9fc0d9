import * as assert from 'node:assert/strict';
import type { ExplorerNode, NamespaceNode } from '../../../src/core/explorer/explorerNodes';
import {
  EXPANDED_NAMESPACE_SECRETS_LIMIT,
  namespaceGroupsStartCollapsed,
} from '../../../src/core/explorer/groupExpansion';
import { buildExplorerTree } from '../../../src/core/explorer/treeModel';
import { NOW } from './support/fakeFluxbase';
import { readyState, summary } from './support/secrets';

function namespaceGroups(namespaceSecrets: number, globals = 0): NamespaceNode[] {
  const secrets = [
    ...Array.from({ length: namespaceSecrets }, (_, i) => summary({ name: `KEY_${i}`, namespace: `ns-${i % 7}` })),
    ...Array.from({ length: globals }, (_, i) => summary({ name: `GLOBAL_${i}` })),
  ];
  const [root] = buildExplorerTree([readyState(secrets)], { now: NOW });
  const scopes = (root && 'children' in root ? root.children : []) as ExplorerNode[];
  const namespaces = scopes.find((node) => node.kind === 'scope' && node.scope === 'namespaces');
  assert.ok(namespaces && 'children' in namespaces);
  return namespaces.children as NamespaceNode[];
}

describe('namespace groups: expanded for a small project, collapsed for a large one', () => {
  it('starts them collapsed above the limit of namespace secrets, expanded at or below it', () => {
    assert.equal(namespaceGroupsStartCollapsed(EXPANDED_NAMESPACE_SECRETS_LIMIT), false);
    assert.equal(namespaceGroupsStartCollapsed(EXPANDED_NAMESPACE_SECRETS_LIMIT + 1), true);
    assert.equal(namespaceGroupsStartCollapsed(0), false);
  });

  it('marks every namespace group of the tree the same way, counting namespace secrets only', () => {
    const small = namespaceGroups(EXPANDED_NAMESPACE_SECRETS_LIMIT, 1_000);
    assert.equal(small.length, 7);
    assert.ok(
      small.every((group) => !group.startsCollapsed),
      'globals do not count',
    );
    const large = namespaceGroups(EXPANDED_NAMESPACE_SECRETS_LIMIT + 1);
    assert.ok(large.every((group) => group.startsCollapsed));
  });
});
