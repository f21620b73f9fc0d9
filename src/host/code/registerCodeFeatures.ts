import * as vscode from 'vscode';
import { CatalogIndex } from '../../core/code/catalogIndex';
import { CODE_COMMANDS, SHOW_LOGS_COMMAND, type CodeCommandId } from '../../core/code/codeCommandIds';
import { exportEnvTemplate } from '../../core/code/exportEnvTemplate';
import type { ImportClientPort } from '../../core/code/importEnvFile';
import type { SecretCatalog } from '../../core/code/secretCatalog';
import type { Notifier } from '../../core/commands/hostPorts';
import { DisposableStore } from '../../core/disposable';
import { systemClock, type Clock } from '../../core/explorer/clock';
import type { Logger } from '../../core/logger';
import type { UserInput } from '../../core/userInput';
import { FunctionCodeActionProvider } from '../functions/functionCodeActionProvider';
import { noFunctionContexts, type FunctionContextSource } from '../functions/functionContextSource';
import type { CodeDialogs } from './codeDialogs';
import { createTemplateOutput, vscodeCancellableProgress } from './codeHostPorts';
import { codeDocumentSelector, readCodeSettings } from './codeSettings';
import { extractToSecret } from './extractToSecret';
import { importEnvFileCommand } from './importEnvFileCommand';
import { insertReference } from './insertReference';
import { ReferenceDiagnostics } from './referenceDiagnostics';
import { SecretCodeActionProvider } from './secretCodeActionProvider';
import { COMPLETION_TRIGGER_CHARACTERS, SecretCompletionProvider } from './secretCompletionProvider';
import { SecretHoverProvider } from './secretHoverProvider';

/** What the editor providers need: the secrets of the signed-in connections. */
export interface CodeProviderDeps {
  catalog: SecretCatalog;
  logger: Logger;
  /** The real clock unless a test fixes the time. */
  clock?: Clock;
  /** Which function each document is; without it every file is namespace-agnostic. */
  functions?: FunctionContextSource;
}

/** What the code features need from the composition root. */
export interface CodeFeatureDeps extends CodeProviderDeps {
  /** The explorer's UserInput and Notifier adapters. */
  input: UserInput;
  notifier: Notifier;
  /** The import preview and the file dialogs (switchable, so tests can answer them). */
  dialogs: CodeDialogs;
  /** The signed-in client of a connection (the store's `clientFor`); undefined when signed out. */
  clientFor(connectionId: string): ImportClientPort | undefined;
  /** Reloads a connection's secrets after the import wrote to it (the store's `refresh`). */
  refresh(connectionId: string): Promise<void>;
  /**
   * Turns a handler into a command callback the way the explorer's runCommand
   * does: cancellation silent, any other failure logged and shown once.
   * `CODE_COMMANDS[id]` finishes the sentence "Could not …".
   */
  wrapCommand(id: CodeCommandId, handler: (arg?: unknown) => Promise<unknown>): (arg?: unknown) => Promise<unknown>;
}

/**
 * Registers completion, hover, diagnostics (with the "Create secret…" quick
 * fix) and the "Move to Fluxbase secret…" code action for the JavaScript and
 * TypeScript languages plus those of `fluxbaseSecrets.completionLanguages`,
 * registering again when that setting changes.
 */
export function registerCodeProviders(deps: CodeProviderDeps): vscode.Disposable {
  const clock = deps.clock ?? systemClock;
  const store = new DisposableStore();
  const index = store.add(new CatalogIndex(deps.catalog));
  const functions = deps.functions ?? noFunctionContexts;
  const diagnostics = store.add(new ReferenceDiagnostics(index, clock, deps.logger, functions));
  const completion = new SecretCompletionProvider(index, clock, functions);
  const hover = new SecretHoverProvider(index, clock, functions);
  const codeActions = new SecretCodeActionProvider(diagnostics);
  const functionFixes = new FunctionCodeActionProvider(diagnostics, functions, index, clock);

  let registrations = new DisposableStore();
  let languages = '';
  const register = () => {
    const settings = readCodeSettings();
    if (settings.languages.join(',') === languages) {
      return;
    }
    languages = settings.languages.join(',');
    registrations.dispose();
    registrations = new DisposableStore();
    const selector = codeDocumentSelector(settings);
    registrations.add(
      vscode.languages.registerCompletionItemProvider(selector, completion, ...COMPLETION_TRIGGER_CHARACTERS),
    );
    registrations.add(vscode.languages.registerHoverProvider(selector, hover));
    registrations.add(
      vscode.languages.registerCodeActionsProvider(selector, codeActions, SecretCodeActionProvider.metadata),
    );
    registrations.add(
      vscode.languages.registerCodeActionsProvider(selector, functionFixes, FunctionCodeActionProvider.metadata),
    );
  };
  register();
  store.add(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('fluxbaseSecrets.completionLanguages')) {
        register();
      }
    }),
  );
  store.add({ dispose: () => registrations.dispose() });
  return new vscode.Disposable(() => store.dispose());
}

/** Registers the providers and the four commands of the code features. Dispose to remove them all. */
export function registerCodeFeatures(deps: CodeFeatureDeps): vscode.Disposable {
  const store = new DisposableStore();
  store.add(registerCodeProviders(deps));
  const showLogs = () => void vscode.commands.executeCommand(SHOW_LOGS_COMMAND);
  const handlers: Record<CodeCommandId, (arg?: unknown) => Promise<unknown>> = {
    'fluxbaseSecrets.insertReference': insertReference(deps),
    'fluxbaseSecrets.extractToSecret': extractToSecret(deps),
    'fluxbaseSecrets.importEnvFile': importEnvFileCommand({
      ...deps,
      multiPicker: deps.dialogs,
      progress: vscodeCancellableProgress,
      showLogs,
    }),
    'fluxbaseSecrets.exportEnvTemplate': exportEnvTemplate({ ...deps, output: createTemplateOutput(deps.dialogs) }),
  };
  for (const id of Object.keys(CODE_COMMANDS) as CodeCommandId[]) {
    store.add(vscode.commands.registerCommand(id, deps.wrapCommand(id, handlers[id])));
  }
  return new vscode.Disposable(() => store.dispose());
}
