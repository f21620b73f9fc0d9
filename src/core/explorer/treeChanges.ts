import type { ConnectionNode, ExplorerNode } from './explorerNodes';
import { plainDataEqual } from './plainDataEqual';

/** A rebuilt tree set against the one the view shows. */
export interface TreeUpdate {
  /**
   * The rebuilt roots, with every node equal to the previous one of its id
   * replaced by that previous node (which keeps the secret nodes it built).
   */
  roots: ConnectionNode[];
  /**
   * What the view must redraw: `all` when the connections themselves changed
   * (added, removed or reordered); else the ids of the highest nodes whose own
   * row or whose children changed (a group whose rows changed, a connection
   * whose description changed or whose groups appeared or went); empty when
   * nothing the view shows changed.
   */
  redraw: 'all' | string[];
}

/**
 * Compares a rebuilt tree with the previous one, node by node by id, so that
 * a refresh redraws only what changed: VS Code re-reads and redraws all of a
 * redrawn node's expanded descendants, which at 10,000 secrets is most of
 * the work of a refresh that redraws everything.
 */
export function reconcileTree(previous: readonly ConnectionNode[], next: ConnectionNode[]): TreeUpdate {
  if (!sameIds(previous, next)) {
    return { roots: next, redraw: 'all' };
  }
  const redraw: string[] = [];
  const roots = next.map((node, i) => reconcile(previous[i] as ConnectionNode, node, redraw) as ConnectionNode);
  return { roots, redraw };
}

function reconcile(before: ExplorerNode, after: ExplorerNode, redraw: string[]): ExplorerNode {
  if (plainDataEqual(before, after)) {
    return before;
  }
  const beforeChildren = listedChildren(before);
  const afterChildren = listedChildren(after);
  if (beforeChildren && afterChildren) {
    if (sameIds(beforeChildren, afterChildren) && plainDataEqual(ownFields(before), ownFields(after))) {
      // the change is below this node: redraw there
      afterChildren.forEach((child, i) => {
        afterChildren[i] = reconcile(beforeChildren[i] as ExplorerNode, child, redraw);
      });
      return after;
    }
    keepEqualNodes(beforeChildren, afterChildren);
  }
  redraw.push(after.id);
  return after;
}

/** Below a node that is redrawn: puts back every previous node that is equal to the new one of its id. */
function keepEqualNodes(before: readonly ExplorerNode[], after: ExplorerNode[]): void {
  const previousById = new Map(before.map((node) => [node.id, node]));
  after.forEach((node, i) => {
    const previous = previousById.get(node.id);
    if (previous === undefined) {
      return;
    }
    if (plainDataEqual(previous, node)) {
      after[i] = previous;
      return;
    }
    const previousChildren = listedChildren(previous);
    const children = listedChildren(node);
    if (previousChildren && children) {
      keepEqualNodes(previousChildren, children);
    }
  });
}

/**
 * The children a node lists in its data (a connection's groups, the namespaces): not those a group
 * builds from its rows on first read, which are compared as rows.
 */
function listedChildren(node: ExplorerNode): ExplorerNode[] | undefined {
  return Object.prototype.propertyIsEnumerable.call(node, 'children')
    ? (node as { children: ExplorerNode[] }).children
    : undefined;
}

/** What a node's own row shows: its data less its children. */
function ownFields(node: ExplorerNode): Record<string, unknown> {
  return Object.fromEntries(Object.entries(node).filter(([key]) => key !== 'children'));
}

function sameIds(a: readonly ExplorerNode[], b: readonly ExplorerNode[]): boolean {
  return a.length === b.length && a.every((node, i) => node.id === b[i]?.id);
}
