import { CODE_COMMANDS } from '../code/codeCommandIds';

/**
 * The explorer's commands, each with the words that finish "Could not …" when
 * it fails. The registration table (commandTable.ts) is typed by these keys,
 * so a command without a handler does not compile, and a unit test keeps
 * package.json's `contributes.commands` equal to these plus the feature
 * commands below.
 */
export const EXPLORER_COMMANDS = {
  'fluxbaseSecrets.addConnection': 'add the connection',
  'fluxbaseSecrets.removeConnection': 'remove the connection',
  'fluxbaseSecrets.signIn': 'sign in',
  'fluxbaseSecrets.signOut': 'sign out',
  'fluxbaseSecrets.refresh': 'refresh',
  'fluxbaseSecrets.filter': 'filter the secrets',
  'fluxbaseSecrets.clearFilter': 'clear the filter',
  'fluxbaseSecrets.showEffectiveVariables': 'list what the functions of the namespace see',
  'fluxbaseSecrets.createSecret': 'create the secret',
  'fluxbaseSecrets.updateSecretValue': 'update the value',
  'fluxbaseSecrets.editDescription': 'edit the description',
  'fluxbaseSecrets.setExpiry': 'set the expiry',
  'fluxbaseSecrets.rollbackSecret': 'roll back the secret',
  'fluxbaseSecrets.deleteSecret': 'delete the secret',
  'fluxbaseSecrets.copyName': 'copy the name',
  'fluxbaseSecrets.copyReference': 'copy the reference',
  'fluxbaseSecrets.showLogs': 'show the logs',
  'fluxbaseSecrets.setFunctionNamespaces': 'set the namespaces of the function',
  'fluxbaseSecrets.copySyncCommand': 'copy the sync command',
} as const;

/** The id of one of the explorer's commands. */
export type ExplorerCommandId = keyof typeof EXPLORER_COMMANDS;

/** Every explorer command id, in manifest order. */
export const EXPLORER_COMMAND_IDS = Object.keys(EXPLORER_COMMANDS) as ExplorerCommandId[];

/**
 * Commands that other modules register (the history panel, the code
 * features), listed so the manifest test can account for every command.
 */
export const FEATURE_COMMAND_IDS: readonly string[] = ['fluxbaseSecrets.showHistory', ...Object.keys(CODE_COMMANDS)];
