import * as vscode from 'vscode';
import type { ExplorerFilter } from '../core/explorer/explorerFilter';
import type { SecretsStore } from '../core/explorer/secretsStore';
import { explorerBadge } from '../core/explorer/treeModel';
import type { ClientPort } from '../core/connections/clientPort';
import type { ExplorerTreeProvider } from './explorerTreeProvider';

/** The id of the Secrets view in the Fluxbase container. */
export const SECRETS_VIEW_ID = 'fluxbaseSecrets.secretsView';
/** Context key that is true while a filter narrows the tree (shows the clear button). */
export const FILTER_ACTIVE_CONTEXT = 'fluxbaseSecrets.filterActive';

/**
 * Creates the Secrets tree view and keeps its chrome in step with the state:
 * the badge counts expired plus expiring secrets, the message names the
 * filter, and a context key shows the clear-filter button.
 */
export function createExplorerView(
  provider: ExplorerTreeProvider,
  store: Pick<SecretsStore<ClientPort>, 'connections' | 'onDidChange'>,
  filter: ExplorerFilter,
): vscode.Disposable {
  const view = vscode.window.createTreeView(SECRETS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const updateBadge = (): void => {
    view.badge = explorerBadge(store.connections());
  };
  const updateFilter = (): void => {
    view.message = filter.active ? `Showing secrets matching "${filter.text}"` : undefined;
    void vscode.commands.executeCommand('setContext', FILTER_ACTIVE_CONTEXT, filter.active);
  };
  updateBadge();
  updateFilter();
  return vscode.Disposable.from(view, store.onDidChange(updateBadge), filter.onDidChange(updateFilter));
}
