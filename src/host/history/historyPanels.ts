import * as vscode from 'vscode';
import { historyPanelKey } from '../../core/history/historyView';
import type { SecretRef } from '../../shared/secretRef';
import { isHistoryPageState } from '../../shared/historyProtocol';
import { pickRef } from '../../shared/secretRef';
import { HistoryPanel, type HistoryPanelDeps } from './historyPanel';

/** Keeps one version-history panel per secret: opening a secret's history again reveals its panel. */
export class HistoryPanels implements vscode.Disposable {
  private readonly panels = new Map<string, HistoryPanel>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly deps: HistoryPanelDeps,
  ) {}

  /** Opens the history of `ref`, or reveals the panel that already shows it. */
  show(ref: SecretRef): void {
    const existing = this.panels.get(historyPanelKey(ref));
    if (existing !== undefined) {
      existing.reveal();
      return;
    }
    this.track(HistoryPanel.create(this.extensionUri, ref, this.deps));
  }

  /** The open panel of `ref`, if any. */
  panelFor(ref: SecretRef): HistoryPanel | undefined {
    return this.panels.get(historyPanelKey(ref));
  }

  /** Brings back a panel after a window reload from the state its page kept; it fetches everything afresh. */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    if (!isHistoryPageState(state)) {
      this.deps.logger.warn(
        'A version-history panel could not be restored: its saved state is not a secret reference.',
      );
      panel.dispose();
      return;
    }
    const ref = pickRef(state.ref);
    const existing = this.panels.get(historyPanelKey(ref));
    if (existing !== undefined) {
      panel.dispose();
      existing?.reveal();
      return;
    }
    this.track(new HistoryPanel(panel, this.extensionUri, ref, this.deps));
  }

  dispose(): void {
    for (const panel of [...this.panels.values()]) {
      panel.dispose();
    }
    this.panels.clear();
  }

  private track(panel: HistoryPanel): void {
    const key = historyPanelKey(panel.ref);
    this.panels.set(key, panel);
    panel.onDidDispose(() => {
      if (this.panels.get(key) === panel) {
        this.panels.delete(key);
      }
    });
  }
}
