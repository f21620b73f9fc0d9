import type { CommandDeps } from './commandDeps';

/** `fluxbaseSecrets.showLogs`: reveals the extension's log channel. */
export function showLogsCommand(deps: CommandDeps) {
  return async (): Promise<void> => {
    deps.showLogs();
  };
}
