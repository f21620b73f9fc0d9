import type { CommandDeps } from './commandDeps';
import { connectionIdOf } from './connectionTarget';

/**
 * `fluxbaseSecrets.refresh`: refetches the connection of the node it was
 * invoked on, or every connection. Failures show in the tree, not as messages.
 */
export function refreshCommand(deps: CommandDeps) {
  return async (arg?: unknown): Promise<void> => {
    const connectionId = connectionIdOf(arg);
    await deps.progress.withProgress('Refreshing Fluxbase secrets…', () => deps.store.refresh(connectionId));
  };
}
