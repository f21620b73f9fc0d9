import type { ExplorerNode, SecretNode } from '../explorer/explorerNodes';
import type { SecretRef } from '../../shared/secretRef';

/** The tree node of the secret `ref` names (same connection, same server id), if the tree shows it. */
export function findSecretNode(nodes: readonly ExplorerNode[], ref: SecretRef): SecretNode | undefined {
  for (const node of nodes) {
    if (node.kind === 'secret') {
      if (node.ref.connectionId === ref.connectionId && node.ref.id === ref.id) {
        return node;
      }
    } else if ('children' in node && node.connectionId === ref.connectionId) {
      const found = findSecretNode(node.children, ref);
      if (found) {
        return found;
      }
    }
  }
  return undefined;
}
