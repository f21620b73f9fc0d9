import type { ConnectionNode, ExplorerNode } from './explorerNodes';
import { plainDataEqual } from './plainDataEqual';

/**
 * What the view must redraw after a rebuild, comparing the rebuilt tree with
 * the previous one node by node by id: `all` when the connections themselves
 * changed (added, removed or reordered); else the ids of the highest nodes
 * whose own row or whose children changed (a group whose rows changed, a
 * connection whose description changed or whose groups appeared or went);
 * empty when nothing the view shows changed. VS Code re-reads and redraws all
 * of a redrawn node's expanded descendants, which at 10,000 secrets is most of
 * the work of a refresh that redraws everything.
 */
export function treeRedraws(previous: readonly ConnectionNode[], next: readonly ConnectionNode[]): 'all' | string[] {
  if (!sameIds(previous, next)) {
    return 'all';
  }
  const redraw: string[] = [];
  next.forEach((node, i) => collectRedraws(previous[i] as ConnectionNode, node, redraw));
  return redraw;
}

function collectRedraws(before: ExplorerNode, after: ExplorerNode, redraw: string[]): void {
  if (plainDataEqual(before, after)) {
    return;
  }
  const beforeChildren = listedChildren(before);
  const afterChildren = listedChildren(after);
  if (
    beforeChildren &&
    afterChildren &&
    sameIds(beforeChildren, afterChildren) &&
    plainDataEqual(ownFields(before), ownFields(after))
  ) {
    // the change is below this node: redraw there
    afterChildren.forEach((child, i) => collectRedraws(beforeChildren[i] as ExplorerNode, child, redraw));
    return;
  }
  redraw.push(after.id);
}

/**
 * The children a node lists in its data (a connection's groups, the namespaces): not those a group
 * builds from its rows on first read, which are compared as rows.
 */
function listedChildren(node: ExplorerNode): readonly ExplorerNode[] | undefined {
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
