import * as vscode from 'vscode';
import type { Clock } from '../core/explorer/clock';
import type { ExplorerFilter } from '../core/explorer/explorerFilter';
import type { ConnectionNode, ExplorerNode } from '../core/explorer/explorerNodes';
import type { SecretsStore } from '../core/explorer/secretsStore';
import { treeRedraws } from '../core/explorer/treeChanges';
import { explorerTreeSteps } from '../core/explorer/treeModel';
import { LatestSlicedBuild } from '../core/latestSlicedBuild';
import { KnownUsers } from '../core/connections/knownUsers';
import type { ClientPort } from '../core/connections/clientPort';
import type { ProblemSeverity } from '../core/explorer/problemSeverity';
import { readProblemSeverity } from './code/codeSettings';
import { secretVariableName } from '../core/secretVariable';
import type { SecretUsageView } from '../shared/secretUsage';
import { noPerfMarks, type PerfMarks } from '../shared/perfMarks';
import { secretTooltipMarkdown, treeItemFor } from './explorerTreeItems';

/**
 * The explorer's TreeDataProvider: rebuilds the node data from the store
 * whenever the store or the filter changes, and hands VS Code the nodes and
 * their TreeItems. It never asks, loads or shows anything itself.
 *
 * A rebuild runs in slices that yield (a newer one overtaking an older one)
 * and the view keeps the previous tree until the new one is whole; it then
 * redraws only the groups whose rows changed (treeChanges.ts), everything
 * when a connection's own row changed.
 */
/**
 * How long VS Code's question for the rows of a connection still loading its list waits for the list (VS Code
 * shows its progress bar on the view meanwhile) before "Loading…" is the answer. Answering "Loading…" at once made
 * VS Code draw it, then wait out its 200 ms debounce of tree changes before asking again: measured as 200 of the
 * 480 ms from opening the view to the first rows (BENCHMARKS.md, issue 17 on a quiet machine).
 */
const LOADING_ROWS_WAIT_MS = 1_500;

export class ExplorerTreeProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode[] | undefined>();
  /** Fires after every tree install (whether or not anything is redrawn). */
  private readonly installed = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private roots: ConnectionNode[] = [];
  private built = false;
  private readonly builds = new LatestSlicedBuild<ConnectionNode[]>((roots) => this.install(roots));
  /** Every node above the secret rows, by id; a node's parent is the node whose id is its id less the last segment. */
  private readonly byId = new Map<string, ExplorerNode>();
  /**
   * The node object VS Code was handed for each id above the rows: VS Code knows a node by that
   * object, so a redraw must name it (another object of the same id would be ignored).
   */
  private readonly shown = new Map<string, ExplorerNode>();
  /** Who is signed in, so that tooltips say "You" as the history page does. */
  private readonly users = new KnownUsers();
  /** `fluxbaseSecrets.diagnostics.severity`, read once per change: getTreeItem runs once per row. */
  private severity: ProblemSeverity;

  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly store: Pick<SecretsStore<ClientPort>, 'connections' | 'onDidChange' | 'clientFor'>,
    private readonly filter: ExplorerFilter,
    private readonly clock: Clock,
    private readonly marks: PerfMarks = noPerfMarks,
    /** Where the workspace reads a variable, for the tooltip; absent without a workspace index. */
    private readonly usage?: (variable: string) => SecretUsageView | undefined,
    private readonly readSeverity: () => ProblemSeverity = readProblemSeverity,
  ) {
    this.severity = readSeverity();
    this.subscriptions.push(
      store.onDidChange(() => this.rebuild()),
      // A filter is a person waiting for its result: built in this turn, so that the tree changes before
      // the view's message does (VS Code sends both through one 200 ms debounce, leading edge: what
      // comes second in a turn waits 200 ms, and the rows matter more than the message).
      filter.onDidChange(() => {
        this.rebuild();
        this.builds.finish();
      }),
      // the rows' icons follow the severity setting, as Problems does
      vscode.workspace.onDidChangeConfiguration((event) => {
        const severity = event.affectsConfiguration('fluxbaseSecrets.diagnostics.severity')
          ? this.readSeverity()
          : this.severity;
        // Only a new value redraws: a redraw drops the rows' handles until VS Code asks again, and a
        // row action clicked meanwhile would reach its command without its row.
        if (severity !== this.severity) {
          this.severity = severity;
          this.redrawAll();
        }
      }),
    );
    this.rebuild();
  }

  /** The root nodes (one per connection) of the store's current state: a rebuild still running ends first. */
  get rootNodes(): readonly ConnectionNode[] {
    this.builds.finish();
    return this.roots;
  }

  /** Whether a rebuild is still running (the view shows the tree from before it meanwhile). */
  get building(): boolean {
    return this.builds.building;
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return treeItemFor(this.current(node), this.severity);
  }

  /**
   * Adds a secret's tooltip when VS Code is about to show it (on hover), so
   * that building the tree costs nothing per tooltip; times are relative to now.
   */
  resolveTreeItem(item: vscode.TreeItem, shownNode: ExplorerNode): vscode.TreeItem {
    // a row of a group that was not redrawn since a rebuild is the node of that build: what its
    // tooltip says of other groups (the namespaces overriding it) is the current tree's
    const node = this.currentSecret(shownNode);
    if (node.kind === 'secret' && item.tooltip === undefined) {
      const client = this.store.clientFor(node.connectionId);
      const currentUser = client === undefined ? undefined : this.users.peek(client);
      item.tooltip = secretTooltipMarkdown(
        node,
        this.clock.now(),
        currentUser,
        this.usage?.(secretVariableName(node.ref.name)),
      );
    }
    return item;
  }

  getChildren(node?: ExplorerNode): ExplorerNode[] | Promise<ExplorerNode[]> {
    if (!node) {
      this.marks.mark('tree.roots', this.roots.length);
      this.remember(this.roots);
      return this.roots;
    }
    if (node.kind === 'connection' && this.loading(node.id)) {
      return this.childrenOnceListed(node);
    }
    return this.childrenOf(node);
  }

  /** Whether the current tree shows the connection `id` as still loading its first list. */
  private loading(id: string): boolean {
    const current = this.byId.get(id);
    return current?.kind === 'connection' && current.status === 'loading';
  }

  /**
   * The rows of a loading connection once its list is in the tree, or after LOADING_ROWS_WAIT_MS ("Loading…"):
   * read from the tree current when the wait ends, never from the one when VS Code asked.
   */
  private childrenOnceListed(node: ExplorerNode): Promise<ExplorerNode[]> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        listener.dispose();
        resolve(this.childrenOf(node));
      };
      const timer = setTimeout(done, LOADING_ROWS_WAIT_MS);
      const listener = this.installed.event(() => {
        if (!this.loading(node.id)) done();
      });
    });
  }

  private childrenOf(node: ExplorerNode): ExplorerNode[] {
    // the current node of that id: VS Code may hand back a node from before the last rebuild
    const current = this.byId.get(node.id);
    const children = current && 'children' in current ? current.children : [];
    this.marks.mark('tree.children', children.length);
    this.remember(children);
    return children;
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    const separator = node.id.lastIndexOf('/');
    return separator < 0 ? undefined : this.byId.get(node.id.slice(0, separator));
  }

  /**
   * Rebuilds the nodes from the store, in slices that yield; the view keeps
   * the tree it has until the new one is whole (see install).
   */
  rebuild(): void {
    this.builds.start(explorerTreeSteps(this.store.connections(), { now: this.clock.now(), filter: this.filter.text }));
  }

  /**
   * Makes a whole new tree the current one and tells VS Code what to redraw,
   * and only that: a redraw makes VS Code forget and re-fetch the nodes below
   * what it redraws (every expanded row, at 10,000 secrets), and a click in
   * that moment would reach a command without its node.
   */
  private install(next: ConnectionNode[]): void {
    const redraw = this.built ? treeRedraws(this.roots, next) : 'all';
    if (redraw !== 'all' && redraw.length === 0) {
      this.installed.fire();
      return;
    }
    this.built = true;
    this.roots = next;
    this.byId.clear();
    // every node but the secret rows, which their group builds when VS Code first asks for them
    const index = (node: ExplorerNode): void => {
      this.byId.set(node.id, node);
      if (node.kind === 'connection' || (node.kind === 'scope' && node.scope === 'namespaces')) {
        node.children.forEach(index);
      }
    };
    this.roots.forEach(index);
    this.marks.mark('tree.rebuilt', this.byId.size);
    this.installed.fire();
    // A fired node's row is read at once and its rows later: a second change within VS Code's 200 ms
    // debounce showed a connection still "loading…" above its listed rows. A connection's own row
    // (count, status) is redrawn with everything, read whole as before; groups alone are fired.
    if (redraw === 'all' || redraw.some((id) => this.roots.some((root) => root.id === id))) {
      this.redrawAll();
      return;
    }
    const known = redraw.flatMap((id) => this.shown.get(id) ?? []);
    if (known.length > 0) {
      this.changed.fire(known);
    }
  }

  private redrawAll(): void {
    this.shown.clear();
    this.changed.fire(undefined);
  }

  /** The node of the current tree with the id of `node` (VS Code may hand back one from before a rebuild), for nodes above the rows. */
  private current(node: ExplorerNode): ExplorerNode {
    return node.kind === 'secret' ? node : (this.byId.get(node.id) ?? node);
  }

  /** The current tree's secret node of the id of `node`, else `node`. */
  private currentSecret(node: ExplorerNode): ExplorerNode {
    if (node.kind !== 'secret') {
      return node;
    }
    const group = this.byId.get(node.id.slice(0, node.id.lastIndexOf('/')));
    const rows: readonly ExplorerNode[] = group && 'children' in group ? group.children : [];
    return rows.find((row) => row.id === node.id) ?? node;
  }

  /** Records what VS Code was handed, above the rows (a row is redrawn with its group). */
  private remember(nodes: readonly ExplorerNode[]): void {
    for (const node of nodes) {
      if (node.kind === 'secret') return;
      this.shown.set(node.id, node);
    }
  }

  dispose(): void {
    this.builds.dispose();
    this.changed.dispose();
    this.installed.dispose();
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}
