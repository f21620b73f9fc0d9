import { copySyncCommandCommand, setFunctionNamespacesCommand } from '../functions/functionNamespaceCommands';
import { addConnectionCommand } from './addConnection';
import { clearFilterCommand } from './clearFilter';
import type { CommandDeps } from './commandDeps';
import type { ExplorerCommandId } from './commandIds';
import { copyNameCommand } from './copyName';
import { copyReferenceCommand } from './copyReference';
import { createSecretCommand } from './createSecret';
import { deleteSecretCommand } from './deleteSecret';
import { editDescriptionCommand } from './editDescription';
import { filterCommand } from './filter';
import { refreshCommand } from './refresh';
import { removeConnectionCommand } from './removeConnection';
import { rollbackSecretCommand } from './rollbackSecret';
import { setExpiryCommand } from './setExpiry';
import { showEffectiveVariablesCommand } from './showEffectiveVariables';
import { showLogsCommand } from './showLogs';
import { signInCommand } from './signIn';
import { signOutCommand } from './signOut';
import { updateSecretValueCommand } from './updateSecretValue';

/** A command handler: takes the node, ref or prefill it was invoked with, and throws on failure. */
export type CommandHandler = (arg?: unknown) => Promise<unknown>;

/**
 * Every explorer command's handler, by id. Typed as a full Record so that a
 * command id without a handler does not compile; the host wraps each in
 * runCommand and registers it.
 */
export function createCommandTable(deps: CommandDeps): Record<ExplorerCommandId, CommandHandler> {
  return {
    'fluxbaseSecrets.addConnection': addConnectionCommand(deps),
    'fluxbaseSecrets.removeConnection': removeConnectionCommand(deps),
    'fluxbaseSecrets.signIn': signInCommand(deps),
    'fluxbaseSecrets.signOut': signOutCommand(deps),
    'fluxbaseSecrets.refresh': refreshCommand(deps),
    'fluxbaseSecrets.filter': filterCommand(deps),
    'fluxbaseSecrets.clearFilter': clearFilterCommand(deps),
    'fluxbaseSecrets.showEffectiveVariables': showEffectiveVariablesCommand(deps),
    'fluxbaseSecrets.createSecret': createSecretCommand(deps),
    'fluxbaseSecrets.updateSecretValue': updateSecretValueCommand(deps),
    'fluxbaseSecrets.editDescription': editDescriptionCommand(deps),
    'fluxbaseSecrets.setExpiry': setExpiryCommand(deps),
    'fluxbaseSecrets.rollbackSecret': rollbackSecretCommand(deps),
    'fluxbaseSecrets.deleteSecret': deleteSecretCommand(deps),
    'fluxbaseSecrets.copyName': copyNameCommand(deps),
    'fluxbaseSecrets.copyReference': copyReferenceCommand(deps),
    'fluxbaseSecrets.showLogs': showLogsCommand(deps),
    'fluxbaseSecrets.setFunctionNamespaces': setFunctionNamespacesCommand(deps),
    'fluxbaseSecrets.copySyncCommand': copySyncCommandCommand(deps),
  };
}
