import * as vscode from 'vscode';
import { HISTORY_VIEW_TYPE, type HistoryPanelDeps } from './historyPanel';
import { HistoryPanels } from './historyPanels';

/**
 * Builds the version-history panels (opened by the `fluxbaseSecrets.showHistory`
 * command of the table, through `panels.show`) and registers the serializer
 * that restores them after a reload. Dispose `registration` (add it to
 * `context.subscriptions`) to unregister it and close every panel.
 */
export function registerHistoryPanels(
  context: vscode.ExtensionContext,
  deps: HistoryPanelDeps,
): { panels: HistoryPanels; registration: vscode.Disposable } {
  const panels = new HistoryPanels(context.extensionUri, deps);
  const registration = vscode.Disposable.from(
    vscode.window.registerWebviewPanelSerializer(HISTORY_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state: unknown) => panels.restore(panel, state),
    }),
    panels,
  );
  return { panels, registration };
}
