/**
 * Every command of the extension, each with the words that finish "Could not
 * …" when it fails. The one list of command ids: the typed `Commands` table
 * (commands/commands.ts) must have exactly these keys, so a command without a
 * handler or a signature does not compile; tree items, tooltips, hovers and
 * the error wrapper take their ids from here, typed as CommandId; and a unit
 * test keeps package.json's `contributes.commands` equal to this set.
 */
export const COMMAND_FAILURES = {
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
  'fluxbaseSecrets.showHistory': 'show the version history',
  'fluxbaseSecrets.compareSecrets': 'compare the secrets',
  'fluxbaseSecrets.insertReference': 'insert the reference',
  'fluxbaseSecrets.extractToSecret': 'move the value to a Fluxbase secret',
  'fluxbaseSecrets.importEnvFile': 'import the .env file',
  'fluxbaseSecrets.exportEnvTemplate': 'export the .env template',
  'fluxbaseSecrets.setFunctionNamespaces': 'set the namespaces of the function',
  'fluxbaseSecrets.copySyncCommand': 'copy the sync command',
  'fluxbaseSecrets.findReferences': 'find the references',
} as const;

/** The id of one of the extension's commands. */
export type CommandId = keyof typeof COMMAND_FAILURES;

/** Every command id, in manifest order. */
export const COMMAND_IDS = Object.keys(COMMAND_FAILURES) as CommandId[];

/** The only commands a secret's tooltip and a reference's hover link to: the host trusts their markdown for exactly these. */
export const SECRET_LINK_COMMANDS = [
  'fluxbaseSecrets.showHistory',
  'fluxbaseSecrets.updateSecretValue',
] as const satisfies readonly CommandId[];
