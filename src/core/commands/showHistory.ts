import type { CommandArgument } from '../commandArgument';
import type { CommandDeps } from './commandDeps';
import { resolveSecretRef } from './secretTarget';

/**
 * `fluxbaseSecrets.showHistory`: opens the version history of the secret of
 * the row, SecretRef or link it was invoked on, else of the focused row for
 * a key in the tree, else of the one the person picks.
 */
export function showHistoryCommand(deps: CommandDeps) {
  return async (arg: CommandArgument): Promise<void> => {
    deps.historyPanels.show(await resolveSecretRef(deps, arg, 'Show Version History'));
  };
}
