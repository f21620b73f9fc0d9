import type * as vscode from 'vscode';
import { CODE_COMMANDS } from '../core/code/codeCommandIds';
import type { CommandDeps } from '../core/commands/commandDeps';
import { runCommand, type RunCommandDeps } from '../core/commands/runCommand';
import { resolveSecretRef } from '../core/commands/secretTarget';
import type { FluxbaseClient } from '../core/api/fluxbaseClient';
import type { SecretsStore } from '../core/explorer/secretsStore';
import { catalogOverStore } from '../core/explorer/storeCatalog';
import { createStoreHistorySource } from '../core/history/storeHistorySource';
import type { CodeDialogs } from './code/codeDialogs';
import { registerCodeFeatures } from './code/registerCodeFeatures';
import type { FunctionContextSource } from './functions/functionContextSource';
import { registerHistoryPanel } from './history/registerHistoryPanel';

/**
 * Connects the features built on the explorer to it: the version-history
 * panel reads through the store's clients and refreshes it after a
 * rollback; the code features see the store's secrets as their catalog,
 * ask through the same UserInput (and `codeDialogs` for their file dialogs
 * and check boxes) and report through the same runCommand.
 */
export function registerExplorerFeatures(
  context: vscode.ExtensionContext,
  store: SecretsStore<FluxbaseClient>,
  deps: CommandDeps,
  runDeps: RunCommandDeps,
  codeDialogs: CodeDialogs,
  functions: FunctionContextSource,
): vscode.Disposable[] {
  const pickSecret = runCommand(
    'fluxbaseSecrets.showHistory',
    'show the version history',
    (argument) => resolveSecretRef(deps, argument, 'Show Version History'),
    runDeps,
  );
  return [
    registerHistoryPanel(context, {
      source: createStoreHistorySource(store),
      logger: deps.logger,
      pickSecret: (argument) => pickSecret(argument),
      signIn: (connectionId) => deps.executeCommand('fluxbaseSecrets.signIn', connectionId),
    }),
    registerCodeFeatures({
      catalog: catalogOverStore(store),
      functions,
      logger: deps.logger,
      input: deps.input,
      notifier: deps.notifier,
      dialogs: codeDialogs,
      clientFor: (connectionId) => store.clientFor(connectionId),
      refresh: (connectionId) => store.refresh(connectionId),
      wrapCommand: (id, handler) => runCommand(id, CODE_COMMANDS[id], handler, runDeps),
    }),
  ];
}
