import * as vscode from 'vscode';
import type { FluxbaseSecretsApi } from './host/extensionApi';
import { composeExtension } from './host/composeExtension';
import { LogChannelLogger } from './host/logChannelLogger';
import { benchMarksOfThisBuild } from './host/bench/benchMarks';

/**
 * Creates the log channel first, then composes the extension (host/composeExtension.ts). Returns
 * the store and the test hooks only when VS Code runs the extension for tests
 * or from its sources; an installed extension exports nothing, because every
 * other extension can read the exports (and with them answer our input boxes
 * or reach the credentials).
 */
export function activate(context: vscode.ExtensionContext): FluxbaseSecretsApi | undefined {
  const marks = benchMarksOfThisBuild();
  marks.mark('activate');
  const channel = vscode.window.createOutputChannel('Fluxbase Secrets', { log: true });
  context.subscriptions.push(channel);
  const logger = new LogChannelLogger(channel);
  const api = composeExtension(context, logger, () => channel.show(), marks);
  marks.mark('activated');
  return exportsTestHooks(context.extensionMode) ? api : undefined;
}

/** Nothing to do: everything is disposed through `context.subscriptions`. */
export function deactivate(): void {}

/** Test and Development mode only; Production, and any mode VS Code may add, get nothing. */
function exportsTestHooks(mode: vscode.ExtensionMode): boolean {
  return mode === vscode.ExtensionMode.Test || mode === vscode.ExtensionMode.Development;
}
