import type { SecretSummary } from '../../../../src/core/api/secretTypes';
import type { Connection } from '../../../../src/core/connections/connection';
import type { SecretNode } from '../../../../src/core/explorer/explorerNodes';
import { buildExplorerTree } from '../../../../src/core/explorer/treeModel';
import { NOW } from '../../explorer/support/fakeFluxbase';
import { commandHarness } from './commandHarness';

/** A signed-in harness with seeded secrets, and the tree node of each (as a context menu passes it). */
export async function withSecrets(
  seeds: { partial: Partial<SecretSummary> & { name: string }; versions?: number }[],
  connections?: Connection[],
): Promise<ReturnType<typeof commandHarness> & { nodes: Map<string, SecretNode> }> {
  const h = commandHarness(connections);
  for (const seed of seeds) {
    h.server.seed(seed.partial, 'old-value', seed.versions ?? 1);
  }
  await h.signIn();
  h.server.calls.length = 0;
  const nodes = new Map<string, SecretNode>();
  const visit = (node: { kind: string; children?: unknown[] }): void => {
    if (node.kind === 'secret') {
      const secret = node as unknown as SecretNode;
      nodes.set(`${secret.ref.namespace ?? 'global'}/${secret.ref.name}`, secret);
    }
    for (const child of (node.children ?? []) as { kind: string; children?: unknown[] }[]) {
      visit(child);
    }
  };
  buildExplorerTree(h.store.connections(), { now: NOW }).forEach(visit);
  return Object.assign(h, { nodes });
}
