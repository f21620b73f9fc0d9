import * as vscode from 'vscode';

/** Composition root: builds the adapters and registers everything. */
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Fluxbase Secrets', { log: true });
  context.subscriptions.push(
    log,
    vscode.commands.registerCommand('fluxbaseSecrets.showLogs', () => log.show()),
    vscode.commands.registerCommand('fluxbaseSecrets.addConnection', () => undefined),
  );
}

export function deactivate(): void {}
