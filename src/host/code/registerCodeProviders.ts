import * as vscode from 'vscode';
import { CatalogIndex } from '../../core/code/catalogIndex';
import type { ConfiguredConnections } from '../../core/connections/connectionNaming';
import type { SecretCatalog } from '../../core/explorer/secretCatalog';
import { DisposableStore } from '../../shared/disposable';
import { systemClock, type Clock } from '../../core/explorer/clock';
import type { Logger } from '../../shared/logger';
import type { PerfMarks } from '../../shared/perfMarks';
import { withCompletionMarks } from '../bench/benchObservers';
import { FunctionCodeActionProvider } from '../functions/functionCodeActionProvider';
import { noFunctionContexts, type FunctionContextSource } from '../functions/functionContextSource';
import { codeDocumentSelector, readCodeSettings } from './codeSettings';
import { ExpiryCodeActionProvider } from './expiryCodeActionProvider';
import { ReferenceDiagnostics } from './referenceDiagnostics';
import { SecretCodeActionProvider } from './secretCodeActionProvider';
import { COMPLETION_TRIGGER_CHARACTERS, SecretCompletionProvider } from './secretCompletionProvider';
import { SecretHoverProvider } from './secretHoverProvider';

/** What the editor providers need: the secrets of the signed-in connections. */
export interface CodeProviderDeps {
  catalog: SecretCatalog;
  /** Every configured connection (the registry): quick-fix titles name a connection by the commands' rule. */
  connections: ConfiguredConnections;
  logger: Logger;
  /** The real clock unless a test fixes the time. */
  clock?: Clock;
  /** Which function each document is; without it every file is namespace-agnostic. */
  functions?: FunctionContextSource;
  /** The benchmark's timing channel (src/host/bench/benchMarks.ts); off unless given. */
  marks?: PerfMarks;
}

/**
 * Registers completion, hover, diagnostics (with the "Create secret…" quick
 * fix, "Update value of …" and "Set expiry of …" on expired and expiring
 * secrets, and in functions "Create … in namespace X…" and the annotation's
 * fixes) and the "Move to Fluxbase secret…" code action for the JavaScript and
 * TypeScript languages plus those of `fluxbaseSecrets.completionLanguages`,
 * registering again when that setting changes.
 */
export function registerCodeProviders(deps: CodeProviderDeps): vscode.Disposable {
  const clock = deps.clock ?? systemClock;
  const store = new DisposableStore();
  const index = store.add(new CatalogIndex(deps.catalog));
  const functions = deps.functions ?? noFunctionContexts;
  const diagnostics = store.add(new ReferenceDiagnostics(index, clock, deps.logger, functions));
  let selector: vscode.DocumentSelector = [];
  const completionEditorShown = () =>
    vscode.window.visibleTextEditors.some((editor) => vscode.languages.match(selector, editor.document) > 0);
  const completion = store.add(new SecretCompletionProvider(index, clock, functions, completionEditorShown));
  const offeredCompletion = deps.marks ? withCompletionMarks(completion, deps.marks) : completion;
  const hover = new SecretHoverProvider(index, clock, functions);
  const codeActions = new SecretCodeActionProvider(diagnostics, deps.connections, functions);
  const functionFixes = new FunctionCodeActionProvider(diagnostics, functions, index, clock, deps.connections);
  const expiryFixes = new ExpiryCodeActionProvider(diagnostics, deps.connections);

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
    selector = codeDocumentSelector(settings);
    registrations.add(
      vscode.languages.registerCompletionItemProvider(selector, offeredCompletion, ...COMPLETION_TRIGGER_CHARACTERS),
    );
    registrations.add(vscode.languages.registerHoverProvider(selector, hover));
    registrations.add(
      vscode.languages.registerCodeActionsProvider(selector, codeActions, SecretCodeActionProvider.metadata),
    );
    registrations.add(
      vscode.languages.registerCodeActionsProvider(selector, functionFixes, FunctionCodeActionProvider.metadata),
    );
    registrations.add(
      vscode.languages.registerCodeActionsProvider(selector, expiryFixes, ExpiryCodeActionProvider.metadata),
    );
  };
  register();
  // an editor that completes secrets coming on screen: its first request should find the items built
  store.add(vscode.window.onDidChangeVisibleTextEditors(() => completion.buildAheadIfUseful()));
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
