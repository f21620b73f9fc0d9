import * as vscode from 'vscode';
import { SECRETS_VIEW_ID } from '../core/commandArgument';
import type { ExplorerViewPort } from '../core/commands/explorerViewPort';
import { findSecretNode } from '../core/commands/findSecretNode';
import type { ClientPort } from '../core/connections/clientPort';
import type { ExplorerNode } from '../core/explorer/explorerNodes';
import type { ExplorerFilter } from '../core/explorer/explorerFilter';
import type { SecretRef } from '../shared/secretRef';
import type { SecretsStore } from '../core/explorer/secretsStore';
import type { Logger } from '../shared/logger';
import type { Clock } from '../core/explorer/clock';
import { explorerBadge } from '../core/explorer/explorerBadge';
import { anyConnectionSignedIn } from '../core/explorer/treeModel';
import { CONNECT_STEP_ID } from '../core/walkthroughSteps';
import type { ExplorerTreeProvider } from './explorerTreeProvider';

/** Context key that is true while a filter narrows the tree (shows the clear-filter button). */
export const FILTER_ACTIVE_CONTEXT = 'fluxbaseSecrets.filterActive';

/** Context key that is true while some connection is signed in: it completes the walkthrough's "Connect" step. */
export const SIGNED_IN_CONTEXT = 'fluxbaseSecrets.anyConnectionSignedIn';

/** VS Code's command that ticks a walkthrough step. */
const MARK_STEP_COMPLETE_COMMAND = 'welcome.markStepComplete';

/** VS Code's command that selects the focused row of the focused list or tree (what Enter does). */
const LIST_SELECT_COMMAND = 'list.select';

/** How often a reveal is tried, and how long each waits for the selection to arrive from the workbench. */
const REVEAL_ATTEMPTS = 3;
const REVEAL_CHECK_MS = 750;

/** How long a key's command waits for the selected row's node while VS Code fetches the tree again, and how often it looks. */
const SELECTED_NODE_WAIT_MS = 3_000;
const SELECTED_NODE_POLL_MS = 25;

/**
 * The first selected node, waited for while VS Code does not know it: a refresh of the whole tree makes the
 * extension host forget every node at once (and VS Code refreshes once more 200 ms after two changes in a row,
 * as after a first sign-in: loading, then listed), while the workbench goes on showing, focusing and selecting
 * the old rows until it has fetched them again. `view.selection` maps the selected rows to nodes when it is
 * read, so it is read again until they are back. Undefined when still nothing after `SELECTED_NODE_WAIT_MS`.
 */
async function selectedNode(view: vscode.TreeView<ExplorerNode>, logger: Logger): Promise<ExplorerNode | undefined> {
  const started = Date.now();
  for (;;) {
    const [selected] = view.selection;
    const waited = Date.now() - started;
    if (selected !== undefined) {
      if (waited > 0) {
        logger.debug(`The selected row's node was back after ${waited} ms (VS Code was fetching the tree again).`);
      }
      return selected;
    }
    if (waited >= SELECTED_NODE_WAIT_MS) {
      logger.debug(`No node for the selected row after ${waited} ms.`);
      return undefined;
    }
    await new Promise((resolve) => setTimeout(resolve, SELECTED_NODE_POLL_MS));
  }
}

/** Resolves whether the view's selection holds the node `id`, now or within `ms`. */
function selectionHolds(view: vscode.TreeView<ExplorerNode>, id: string, ms: number): Promise<boolean> {
  const holds = (): boolean => view.selection.some((node) => node.id === id);
  if (holds()) {
    return Promise.resolve(true);
  }
  return new Promise((resolve) => {
    const done = (result: boolean): void => {
      clearTimeout(timer);
      listener.dispose();
      resolve(result);
    };
    const timer = setTimeout(() => done(holds()), ms);
    const listener = view.onDidChangeSelection(() => {
      if (holds()) done(true);
    });
  });
}

/** The Secrets tree view, with what commands ask of it (ExplorerViewPort) and what tests read of it. */
export interface ExplorerView extends ExplorerViewPort, vscode.Disposable {
  /** The rows selected now. */
  readonly selection: readonly ExplorerNode[];
  /** Whether the view is on screen. */
  readonly visible: boolean;
}

/**
 * Creates the Secrets tree view and keeps its chrome in step with the state:
 * the badge counts expired plus expiring secrets (each once), the message names the
 * filter, a context key shows the clear-filter button and another says
 * whether some connection is signed in (for the walkthrough).
 */
export function createExplorerView(
  provider: ExplorerTreeProvider,
  store: Pick<SecretsStore<ClientPort>, 'connections' | 'onDidChange'>,
  filter: ExplorerFilter,
  logger: Logger,
  clock: Clock,
): ExplorerView {
  const view = vscode.window.createTreeView(SECRETS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  let signedIn: boolean | undefined;
  const updateFromStore = (): void => {
    view.badge = explorerBadge(store.connections(), clock.now());
    const nowSignedIn = anyConnectionSignedIn(store.connections());
    if (nowSignedIn !== signedIn) {
      signedIn = nowSignedIn;
      void vscode.commands.executeCommand('setContext', SIGNED_IN_CONTEXT, signedIn);
      if (signedIn) {
        // VS Code creates its walkthrough service only when something needs it (say, the walkthrough is
        // opened), and a completion context key that is already true then never ticks the step: tick it here.
        vscode.commands
          .executeCommand(MARK_STEP_COMPLETE_COMMAND, CONNECT_STEP_ID)
          .then(undefined, (error: unknown) =>
            logger.debug(`Could not tick the walkthrough's Connect step: ${String(error)}`),
          );
      }
    }
  };
  const updateFilter = (): void => {
    view.message = filter.active ? `Showing secrets matching "${filter.text}"` : undefined;
    void vscode.commands.executeCommand('setContext', FILTER_ACTIVE_CONTEXT, filter.active);
  };
  updateFromStore();
  updateFilter();
  const subscriptions = vscode.Disposable.from(
    view,
    store.onDidChange(updateFromStore),
    filter.onDidChange(updateFilter),
  );

  return {
    get selection() {
      return view.selection;
    },
    get visible() {
      return view.visible;
    },
    focusedSecret: async () => {
      // A command run by a key gets no row, and the arrow keys move the focus without selecting:
      // select the focused row as Enter does (the key's when-clause keeps the focus in this tree), then read it.
      await vscode.commands.executeCommand(LIST_SELECT_COMMAND);
      const selected = await selectedNode(view, logger);
      return selected?.kind === 'secret' ? selected.ref : undefined;
    },
    revealSecret: async (ref: SecretRef, options: { focus: boolean }) => {
      // A reveal that races VS Code's own refresh of the tree can be dropped without an error
      // (the workbench does not know the new row yet): check that the row got selected, else try again.
      for (let attempt = 1; attempt <= REVEAL_ATTEMPTS; attempt++) {
        const node = findSecretNode(provider.rootNodes, ref);
        if (!node) {
          logger.debug(`Not revealing ${ref.name}: the tree does not show it (filtered out?)`);
          return;
        }
        try {
          await view.reveal(node, { select: true, focus: options.focus, expand: true });
        } catch (error) {
          // Revealing is a courtesy: the command itself succeeded.
          logger.debug(`Could not reveal ${ref.name} in the Secrets view: ${String(error)}`);
          return;
        }
        if (await selectionHolds(view, node.id, REVEAL_CHECK_MS)) {
          return;
        }
      }
      logger.debug(`Revealing ${ref.name} in the Secrets view did not select it after ${REVEAL_ATTEMPTS} attempts.`);
    },
    dispose: () => subscriptions.dispose(),
  };
}
