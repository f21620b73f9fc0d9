import * as vscode from 'vscode';
import type { ConfirmRollback } from '../../core/history/rollbackConfirmation';
import type { HistorySource } from '../../core/history/historySource';
import type { Logger } from '../../shared/logger';
import { HISTORY_VIEW_TYPE } from './historyPanel';
import { HistoryPanels } from './historyPanels';

/** What the version-history feature is built from. */
export interface HistoryPanelRegistration {
  source: HistorySource;
  logger: Logger;
  /** The one rollback confirmation (confirmRollback over the UserInput). */
  confirm: ConfirmRollback;
  /** Signs a connection in, for the button of the signed-out page. */
  signIn?: (connectionId: string) => Promise<unknown>;
  /** Defaults to VS Code's clipboard; used by the page's "Copy user id" buttons. */
  copyToClipboard?: (text: string) => Promise<void>;
}

/**
 * Builds the version-history panels (opened by the `fluxbaseSecrets.showHistory`
 * command of the table, through `panels.show`) and registers the serializer
 * that restores them after a reload. Dispose `registration` (add it to
 * `context.subscriptions`) to unregister it and close every panel.
 */
export function registerHistoryPanels(
  context: vscode.ExtensionContext,
  deps: HistoryPanelRegistration,
): { panels: HistoryPanels; registration: vscode.Disposable } {
  const panels = new HistoryPanels(context.extensionUri, {
    source: deps.source,
    logger: deps.logger,
    confirmRollback: deps.confirm,
    ...(deps.signIn === undefined ? {} : { signIn: deps.signIn }),
    copyToClipboard: deps.copyToClipboard ?? (async (text) => vscode.env.clipboard.writeText(text)),
  });
  const registration = vscode.Disposable.from(
    vscode.window.registerWebviewPanelSerializer(HISTORY_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state: unknown) => panels.restore(panel, state),
    }),
    panels,
  );
  return { panels, registration };
}
