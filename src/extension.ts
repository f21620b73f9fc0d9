import * as vscode from 'vscode';
import type { FluxbaseSecretsApi } from './host/extensionApi';
import { activateExplorer } from './host/explorerActivation';
import { LogChannelLogger } from './host/logChannelLogger';

/** Composition root: creates the log channel first, then the explorer, and returns the extension's API. */
export function activate(context: vscode.ExtensionContext): FluxbaseSecretsApi {
  const channel = vscode.window.createOutputChannel('Fluxbase Secrets', { log: true });
  context.subscriptions.push(channel);
  const logger = new LogChannelLogger(channel);
  return activateExplorer(context, logger, () => channel.show());
}

/** Nothing to do: everything is disposed through `context.subscriptions`. */
export function deactivate(): void {}
