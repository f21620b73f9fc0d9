import * as vscode from 'vscode';
import { historyPanelKey, secretRefFromArgument } from '../../core/history/historyCommandArgument';
import type { SecretRef } from '../../core/explorer/secretRef';
import { isHistoryPageState } from '../../shared/historyProtocol';
import { HistoryPanel, type HistoryPanelDeps } from './historyPanel';

/**
 * What the panels need; `pickSecret` finds the secret when the command's argument is not one: the row the
 * keyboard is on for a key in the Secrets view, else the one the user picks.
 */
export interface HistoryPanelsDeps extends HistoryPanelDeps {
  pickSecret?: (argument: unknown) => Promise<SecretRef | undefined>;
}

/** Keeps one version-history panel per secret: opening a secret's history again reveals its panel. */
export class HistoryPanels implements vscode.Disposable {
  private readonly panels = new Map<string, HistoryPanel>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly deps: HistoryPanelsDeps,
  ) {}

  /** The `fluxbaseSecrets.showHistory` handler: a tree node or SecretRef, else the secret the user picks. */
  async showFromArgument(argument?: unknown): Promise<void> {
    const ref = secretRefFromArgument(argument) ?? (await this.pick(argument));
    if (ref !== undefined) {
      this.show(ref);
    }
  }

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
    const ref = secretRefFromArgument(state.ref);
    const existing = ref === undefined ? undefined : this.panels.get(historyPanelKey(ref));
    if (ref === undefined || existing !== undefined) {
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

  private async pick(argument: unknown): Promise<SecretRef | undefined> {
    if (this.deps.pickSecret !== undefined) {
      return this.deps.pickSecret(argument);
    }
    void vscode.window.showInformationMessage('Select a secret in the Fluxbase explorer to see its version history.');
    return undefined;
  }
}
