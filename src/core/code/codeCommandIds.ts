/**
 * The code features' commands, each with the words that finish "Could not …"
 * when it fails (the same convention as the explorer's EXPLORER_COMMANDS).
 */
export const CODE_COMMANDS = {
  'fluxbaseSecrets.insertReference': 'insert the reference',
  'fluxbaseSecrets.extractToSecret': 'move the value to a Fluxbase secret',
  'fluxbaseSecrets.importEnvFile': 'import the .env file',
  'fluxbaseSecrets.exportEnvTemplate': 'export the .env template',
} as const;

/** The id of one of the code features' commands. */
export type CodeCommandId = keyof typeof CODE_COMMANDS;

/** The explorer's create command, which the quick fix and the extraction start prefilled. */
export const CREATE_SECRET_COMMAND = 'fluxbaseSecrets.createSecret';
/** The explorer's command that shows the log channel. */
export const SHOW_LOGS_COMMAND = 'fluxbaseSecrets.showLogs';
