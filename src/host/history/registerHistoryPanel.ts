import * as vscode from 'vscode';
import type { ConfirmRollback } from '../../core/history/historyPanelController';
import type { SecretRef } from '../../core/explorer/secretRef';
import type { HistorySource } from '../../core/history/historySource';
import type { Logger } from '../../core/logger';
import { HISTORY_VIEW_TYPE } from './historyPanel';
import { HistoryPanels } from './historyPanels';
import { confirmRollbackInModal } from './modalRollbackConfirmation';

/** The command that opens a secret's version history. */
export const SHOW_HISTORY_COMMAND = 'fluxbaseSecrets.showHistory';

/** What the version-history feature is built from. Only `source` and `logger` are required. */
export interface HistoryPanelRegistration {
  source: HistorySource;
  logger: Logger;
  /** Defaults to a VS Code modal with a "Roll Back" button. */
  confirm?: ConfirmRollback;
  /** Finds the secret when the argument is not one: the focused row for a key in the tree, else asks. */
  pickSecret?: (argument: unknown) => Promise<SecretRef | undefined>;
  /** Signs a connection in, for the button of the signed-out page. */
  signIn?: (connectionId: string) => Promise<unknown>;
  /** Defaults to VS Code's clipboard; used by the page's "Copy user id" buttons. */
  copyToClipboard?: (text: string) => Promise<void>;
}

/**
 * Registers `fluxbaseSecrets.showHistory` (argument: a tree node with a `ref`,
 * a SecretRef, or nothing) and the serializer that restores history panels
 * after a reload. Dispose the result (add it to `context.subscriptions`) to
 * unregister both and close every panel.
 */
export function registerHistoryPanel(
  context: vscode.ExtensionContext,
  deps: HistoryPanelRegistration,
): vscode.Disposable {
  const panels = new HistoryPanels(context.extensionUri, {
    source: deps.source,
    logger: deps.logger,
    confirmRollback: deps.confirm ?? confirmRollbackInModal,
    ...(deps.pickSecret === undefined ? {} : { pickSecret: deps.pickSecret }),
    ...(deps.signIn === undefined ? {} : { signIn: deps.signIn }),
    copyToClipboard: deps.copyToClipboard ?? (async (text) => vscode.env.clipboard.writeText(text)),
  });
  return vscode.Disposable.from(
    vscode.commands.registerCommand(SHOW_HISTORY_COMMAND, (argument?: unknown) => panels.showFromArgument(argument)),
    vscode.window.registerWebviewPanelSerializer(HISTORY_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state: unknown) => panels.restore(panel, state),
    }),
    panels,
  );
}
