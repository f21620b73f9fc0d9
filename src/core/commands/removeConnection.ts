import { connectionIdIn, type CommandArgument } from '../commandArgument';
import { confirm } from '../userInput';
import type { CommandDeps } from './commandDeps';
import { resolveConnection } from './connectionTarget';
import { UserFacingError } from './commandErrors';

/**
 * `fluxbaseSecrets.removeConnection`: after a confirmation, signs out of a
 * connection (deleting its stored credentials) and removes it from the user
 * settings (a Fluxbase CLI profile is hidden instead: it is read-only). The
 * secrets on the server are not touched.
 */
export function removeConnectionCommand(deps: CommandDeps) {
  return async (arg: CommandArgument): Promise<void> => {
    const connection = await resolveConnection(deps, connectionIdIn(arg), 'settings', 'Remove Connection');
    if (connection.source === 'environment') {
      throw new UserFacingError(
        `"${connection.name}" comes from environment variables (FLUXBASE_URL and FLUXBASE_SERVICE_TOKEN, or FLUXBASE_SERVER and FLUXBASE_TOKEN); unset them to remove it.`,
      );
    }
    if (connection.source === 'cli') {
      await confirm(
        deps.input,
        `Hide "${connection.name}"?`,
        `Its sign-in in this editor is forgotten; the Fluxbase CLI's file is not changed. To show it again, remove the profile's name from the setting fluxbaseSecrets.hiddenCliProfiles.`,
        'Hide',
      );
    } else {
      await confirm(
        deps.input,
        `Remove the connection "${connection.name}"?`,
        `Its stored credentials are deleted. The secrets on ${connection.url} are not touched.`,
        'Remove',
      );
    }
    await deps.sessions.signOut(connection);
    await deps.registry.remove(connection.id);
    void deps.notifier.info(
      connection.source === 'cli' ? `Hid "${connection.name}".` : `Removed the connection "${connection.name}".`,
    );
  };
}
