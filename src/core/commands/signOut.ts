import { connectionIdIn, type CommandArgument } from '../commandArgument';
import type { CommandDeps } from './commandDeps';
import { resolveConnection } from './connectionTarget';

/** `fluxbaseSecrets.signOut`: forgets a connection's credentials (SecretStorage included) and closes its client. */
export function signOutCommand(deps: CommandDeps) {
  return async (arg: CommandArgument): Promise<void> => {
    const connection = await resolveConnection(deps, connectionIdIn(arg), 'signedIn', 'Sign Out');
    await deps.sessions.signOut(connection);
    await deps.store.refresh(connection.id);
    void deps.notifier.info(`Signed out of "${connection.name}".`);
  };
}
