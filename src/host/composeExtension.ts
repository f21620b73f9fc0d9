import * as vscode from 'vscode';
import { createClient, type FluxbaseClient } from '../core/api/fluxbaseClient';
import type { CommandDeps } from '../core/commands/commandDeps';
import { createCommandTable } from '../core/commands/commands';
import { ConnectionSessions } from '../core/connections/connectionSessions';
import { cliEnvironmentPairShadowed, environmentSignIn } from '../core/cliProfiles/environmentSignIn';
import { RegistryWithCliProfiles } from '../core/cliProfiles/registryWithCliProfiles';
import { systemClock } from '../core/explorer/clock';
import { ExplorerFilter } from '../core/explorer/explorerFilter';
import { SecretsStore } from '../core/explorer/secretsStore';
import { catalogOverStore } from '../core/explorer/storeCatalog';
import { activeFunctionPort } from './functions/activeFunction';
import { createFunctionFeatures, registryCompanion } from './functions/registerFunctionFeatures';
import { WorkspaceReferences } from './functions/workspaceReferences';
import { confirmRollback } from '../core/history/rollbackConfirmation';
import { createStoreHistorySource } from '../core/history/storeHistorySource';
import type { Logger } from '../shared/logger';
import type { PerfMarks } from '../shared/perfMarks';
import type { UserInput } from '../core/userInput';
import { startAutoRefresh } from './autoRefresh';
import { markChanges, withListMarks } from './bench/benchObservers';
import { benchPingCommand } from './bench/benchPing';
import { activateCliProfiles } from './cliProfilesActivation';
import { SwitchableCodeDialogs, vscodeCodeDialogs } from './code/codeDialogs';
import { createTemplateOutput } from './code/codeHostPorts';
import { vscodeEditorPort, workspaceFiles } from './code/editorPorts';
import { registerCodeProviders } from './code/registerCodeProviders';
import type { FluxbaseSecretsApi } from './extensionApi';
import { ExplorerTreeProvider } from './explorerTreeProvider';
import { createExplorerView } from './explorerView';
import { registerComparePanels } from './compare/registerComparePanel';
import { registerHistoryPanels } from './history/registerHistoryPanel';
import { registerCommands } from './registerCommands';
import { userProductionPatterns } from './productionPatternsSetting';
import { SecretStorageCredentialStore } from './secretStorageCredentialStore';
import { SettingsConnectionRegistry } from './settingsConnectionRegistry';
import { SwitchableUserInput } from './switchableUserInput';
import { vscodeClipboard, vscodeNotifier, vscodeProgress } from './vscodeHostPorts';
import { VscodeUserInput } from './vscodeUserInput';

/**
 * The composition root: builds connections, sessions, store, tree view, the
 * version-history and Compare Secrets panels, the code providers and the one deps object, then
 * the command table over it; registers it all on `context`, starts the first
 * load, and returns the extension's API. `marks` is the benchmark's timing
 * channel, off in every build but the benchmark's (host/bench/benchMarks.ts).
 */
export function composeExtension(
  context: vscode.ExtensionContext,
  logger: Logger,
  showLogs: () => void,
  marks: PerfMarks,
): FluxbaseSecretsApi {
  const environment = environmentSignIn(process.env);
  const settingsRegistry = new SettingsConnectionRegistry(logger, environment?.connection);
  const cliProfiles = activateCliProfiles(context, logger);
  const registry = new RegistryWithCliProfiles(settingsRegistry, cliProfiles.source, cliProfiles.hidden);
  const credentials = new SecretStorageCredentialStore(context.secrets);
  const sessions = new ConnectionSessions<FluxbaseClient>({
    createClient: (connection) =>
      withListMarks(createClient({ url: connection.url, tenant: connection.tenant, logger }), marks),
    credentials,
    environmentCredentials: new Map(environment ? [[environment.connection.id, environment.credentials]] : []),
    linkedSignIns: cliProfiles.links,
    logger,
  });
  const functionFeatures = createFunctionFeatures(logger);
  const store = new SecretsStore<FluxbaseClient>({
    registry,
    sessions,
    clock: systemClock,
    logger,
    companion: registryCompanion(functionFeatures.registry),
  });
  const functions = functionFeatures.finish(catalogOverStore(store));
  const filter = new ExplorerFilter();
  const questions = new SwitchableUserInput(new VscodeUserInput());
  const codeDialogs = new SwitchableCodeDialogs(vscodeCodeDialogs);
  // The import preview's check boxes are answered with the file dialogs (the testing API switches them together).
  const input: UserInput = {
    inputText: (options) => questions.inputText(options),
    pick: (items, options) => questions.pick(items, options),
    choose: (options) => questions.choose(options),
    pickMany: (items, options) => codeDialogs.pickMany(items, options),
  };
  const references = new WorkspaceReferences((uri) => functions.contexts.unitFor(uri), logger);
  const provider = new ExplorerTreeProvider(store, filter, systemClock, marks, (variable) =>
    references.usage(variable),
  );
  const view = createExplorerView(provider, store, filter, logger, systemClock);
  const executeCommand: CommandDeps['executeCommand'] = (id, arg) =>
    Promise.resolve(vscode.commands.executeCommand(id, arg));
  const history = registerHistoryPanels(context, {
    source: createStoreHistorySource(store),
    logger,
    confirmRollback: (request) => confirmRollback(input, request),
    signIn: (connectionId) => executeCommand('fluxbaseSecrets.signIn', connectionId),
    copyToClipboard: (text) => vscodeClipboard.writeText(text),
    usage: (variable) => references.usage(variable),
    marks,
  });
  const compare = registerComparePanels(context, {
    store,
    logger,
    createSecret: (prefill) => executeCommand('fluxbaseSecrets.createSecret', prefill),
    showHistory: (ref) => history.panels.show(ref),
  });
  const catalog = catalogOverStore(store);

  const deps: CommandDeps = {
    store,
    sessions,
    registry,
    filter,
    input,
    notifier: vscodeNotifier,
    clipboard: vscodeClipboard,
    progress: vscodeProgress,
    clock: systemClock,
    logger,
    showLogs,
    explorerView: view,
    executeCommand,
    catalog,
    editor: vscodeEditorPort,
    files: workspaceFiles(codeDialogs),
    templateOutput: createTemplateOutput(codeDialogs),
    historyPanels: history.panels,
    comparePanels: compare.panels,
    productionPatterns: userProductionPatterns,
    cliProfiles: {
      profileOf: (connectionId) => registry.profileOf(connectionId),
      readSignIn: (connectionId) => cliProfiles.source.readSignIn(connectionId),
    },
    functions: activeFunctionPort(functions.contexts),
    references,
  };
  context.subscriptions.push(
    settingsRegistry,
    cliProfiles,
    registry,
    sessions,
    store,
    filter,
    provider,
    view,
    history.registration,
    functions.disposable,
    references,
    compare.registration,
    registerCodeProviders({ catalog, connections: registry, logger, functions: functions.contexts, marks }),
    markChanges(marks, { store, filter }),
    registerCommands(createCommandTable(deps), deps, benchPingCommand(marks)),
    startAutoRefresh(() => void store.refresh()),
  );
  if (environment) {
    logger.info(`Offering the connection from the environment: ${environment.description}`);
  }
  if (cliEnvironmentPairShadowed(process.env)) {
    logger.info('FLUXBASE_SERVER and FLUXBASE_TOKEN are not used: FLUXBASE_URL and FLUXBASE_SERVICE_TOKEN win');
  }
  void store.refresh();
  // The index is built after activation, in the background: activation never waits for it.
  const startIndexing = setTimeout(() => references.start(), 0);
  context.subscriptions.push({ dispose: () => clearTimeout(startIndexing) });

  return {
    store,
    testing: {
      setUserInput: (replacement) => questions.use(replacement),
      setCodeDialogs: (replacement) => codeDialogs.use(replacement),
      hasStoredCredentials: async (connectionId) => (await credentials.get(connectionId)) !== undefined,
      connections: () => registry.list(),
      tree: () => provider.rootNodes,
      treeItem: (node) => provider.getTreeItem(node),
      resolvedTreeItem: (node) => provider.resolveTreeItem(provider.getTreeItem(node), node),
      treeSelection: () => view.selection,
      treeVisible: () => view.visible,
      functionStatus: () => functions.statusBar.current(),
      functionLayoutReady: (uri) => functions.contexts.ready(uri),
      referencesIndexed: () => references.idle(),
    },
  };
}
