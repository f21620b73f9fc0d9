import * as vscode from 'vscode';
import type { FluxbaseSecretsApi } from './host/extensionApi';
import { composeExtension } from './host/composeExtension';
import { LogChannelLogger } from './host/logChannelLogger';

/** Creates the log channel first, then composes the extension (host/composeExtension.ts), and returns the extension's API. */
export function activate(context: vscode.ExtensionContext): FluxbaseSecretsApi {
  const channel = vscode.window.createOutputChannel('Fluxbase Secrets', { log: true });
  context.subscriptions.push(channel);
  const logger = new LogChannelLogger(channel);
  return composeExtension(context, logger, () => channel.show());
}

/** Nothing to do: everything is disposed through `context.subscriptions`. */
export function deactivate(): void {}
