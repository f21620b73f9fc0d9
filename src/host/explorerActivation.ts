import * as vscode from 'vscode';
import { createClient, type FluxbaseClient } from '../core/api/fluxbaseClient';
import type { CommandDeps } from '../core/commands/commandDeps';
import { createCommandTable } from '../core/commands/commandTable';
import type { RunCommandDeps } from '../core/commands/runCommand';
import { ConnectionSessions } from '../core/connections/connectionSessions';
import { cliEnvironmentPairShadowed, environmentSignIn } from '../core/cliProfiles/environmentSignIn';
import { RegistryWithCliProfiles } from '../core/cliProfiles/registryWithCliProfiles';
import { systemClock } from '../core/explorer/clock';
import { ExplorerFilter } from '../core/explorer/explorerFilter';
import { SecretsStore } from '../core/explorer/secretsStore';
import type { Logger } from '../core/logger';
import { startAutoRefresh } from './autoRefresh';
import { activateCliProfiles } from './cliProfilesActivation';
import { SwitchableCodeDialogs, vscodeCodeDialogs } from './code/codeDialogs';
import type { FluxbaseSecretsApi } from './extensionApi';
import { ExplorerTreeProvider } from './explorerTreeProvider';
import { registerExplorerFeatures } from './featureRegistration';
import { createExplorerView } from './explorerView';
import { userProductionPatterns } from './productionPatternsSetting';
import { registerExplorerCommands } from './registerExplorerCommands';
import { SecretStorageCredentialStore } from './secretStorageCredentialStore';
import { SettingsConnectionRegistry } from './settingsConnectionRegistry';
import { SwitchableUserInput } from './switchableUserInput';
import { vscodeClipboard, vscodeNotifier, vscodeProgress } from './vscodeHostPorts';
import { VscodeUserInput } from './vscodeUserInput';

/**
 * Builds the explorer — connections, sessions, store, tree view, commands and
 * automatic refresh — registers it all on `context`, starts the first load,
 * and returns the extension's API.
 */
export function activateExplorer(
  context: vscode.ExtensionContext,
  logger: Logger,
  showLogs: () => void,
): FluxbaseSecretsApi {
  const environment = environmentSignIn(process.env);
  const settingsRegistry = new SettingsConnectionRegistry(logger, environment?.connection);
  const cliProfiles = activateCliProfiles(context, logger);
  const registry = new RegistryWithCliProfiles(settingsRegistry, cliProfiles.source, cliProfiles.hidden);
  const credentials = new SecretStorageCredentialStore(context.secrets);
  const sessions = new ConnectionSessions<FluxbaseClient>({
    createClient: (connection) => createClient({ url: connection.url, tenant: connection.tenant, logger }),
    credentials,
    environmentCredentials: new Map(environment ? [[environment.connection.id, environment.credentials]] : []),
    linkedSignIns: cliProfiles.links,
    logger,
  });
  const store = new SecretsStore<FluxbaseClient>({ registry, sessions, clock: systemClock, logger });
  const filter = new ExplorerFilter();
  const input = new SwitchableUserInput(new VscodeUserInput());
  const codeDialogs = new SwitchableCodeDialogs(vscodeCodeDialogs);
  const provider = new ExplorerTreeProvider(store, filter, systemClock);
  const view = createExplorerView(provider, store, filter, logger, systemClock);

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
    productionPatterns: userProductionPatterns,
    cliProfiles: {
      profileOf: (connectionId) => registry.profileOf(connectionId),
      readSignIn: (connectionId) => cliProfiles.source.readSignIn(connectionId),
    },
    executeCommand: (id, arg) => Promise.resolve(vscode.commands.executeCommand(id, arg)),
  };
  const runDeps: RunCommandDeps = {
    notifier: vscodeNotifier,
    logger,
    onAction: (action) => {
      if (action.kind === 'signIn') {
        void vscode.commands.executeCommand('fluxbaseSecrets.signIn', action.connectionId);
      } else {
        showLogs();
      }
    },
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
    registerExplorerCommands(createCommandTable(deps), runDeps),
    ...registerExplorerFeatures(context, store, deps, runDeps, codeDialogs),
    startAutoRefresh(() => void store.refresh()),
  );
  if (environment) {
    logger.info(`Offering the connection from the environment: ${environment.description}`);
  }
  if (cliEnvironmentPairShadowed(process.env)) {
    logger.info('FLUXBASE_SERVER and FLUXBASE_TOKEN are not used: FLUXBASE_URL and FLUXBASE_SERVICE_TOKEN win');
  }
  void store.refresh();

  return {
    store,
    testing: {
      setUserInput: (replacement) => input.use(replacement),
      setCodeDialogs: (replacement) => codeDialogs.use(replacement),
      hasStoredCredentials: async (connectionId) => (await credentials.get(connectionId)) !== undefined,
      connections: () => registry.list(),
      tree: () => provider.rootNodes,
      treeItem: (node) => provider.getTreeItem(node),
      resolvedTreeItem: (node) => provider.resolveTreeItem(provider.getTreeItem(node), node),
      treeSelection: () => view.selection,
      treeVisible: () => view.visible,
    },
  };
}
