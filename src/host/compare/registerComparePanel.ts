import * as vscode from 'vscode';
import type { ComparePanelsPort } from '../../core/commands/hostPorts';
import { isComparePageState } from '../../shared/compareProtocol';
import { ComparePanel, COMPARE_VIEW_TYPE, type ComparePanelDeps } from './comparePanel';

/**
 * Builds the Compare Secrets panels (opened by the `fluxbaseSecrets.compareSecrets`
 * command of the table, through `panels.open`) and registers the serializer
 * that brings them back after a reload from the columns their page kept.
 * Dispose `registration` to unregister it and close every panel.
 */
export function registerComparePanels(
  context: vscode.ExtensionContext,
  deps: ComparePanelDeps,
): { panels: ComparePanelsPort; registration: vscode.Disposable } {
  const open = new Set<ComparePanel>();
  const track = (panel: ComparePanel): void => {
    open.add(panel);
    panel.onDidDispose(() => open.delete(panel));
  };
  const registration = vscode.Disposable.from(
    vscode.window.registerWebviewPanelSerializer(COMPARE_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state: unknown) => {
        if (!isComparePageState(state) || state.columns.length < 2) {
          deps.logger.warn('A Compare Secrets panel could not be restored: its saved state is not a set of columns.');
          panel.dispose();
          return;
        }
        track(new ComparePanel(panel, context.extensionUri, state.columns, deps, state.filter));
      },
    }),
    { dispose: () => [...open].forEach((panel) => panel.dispose()) },
  );
  return {
    panels: { open: (columns) => track(ComparePanel.create(context.extensionUri, columns, deps)) },
    registration,
  };
}
