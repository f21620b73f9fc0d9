import { connectionIdIn, type CommandArgument } from '../commandArgument';
import type { CommandDeps } from './commandDeps';

/**
 * `fluxbaseSecrets.refresh`: refetches the connection of the node it was
 * invoked on, or every connection. Failures show in the tree, not as messages.
 */
export function refreshCommand(deps: CommandDeps) {
  return async (arg: CommandArgument): Promise<void> => {
    const connectionId = connectionIdIn(arg);
    await deps.progress.withProgress('Refreshing Fluxbase secrets…', () => deps.store.refresh(connectionId));
  };
}
