import type { CommandArgument } from '../commandArgument';
import { onConnection } from '../connections/connectionNaming';
import { secretVariableName } from '../secretVariable';
import type { CommandDeps } from './commandDeps';
import { confirmDelete, deleteScopeText } from './deleteConfirmation';
import { resolveSecret } from './secretTarget';
import { withClient } from './withClient';

/**
 * `fluxbaseSecrets.deleteSecret`: after a confirmation that names the
 * secret, its connection (when there are several), its scope, and that
 * functions using it will fail, deletes it with its history. On a
 * production-like connection the confirmation asks to type the name.
 */
export function deleteSecretCommand(deps: CommandDeps) {
  return async (arg: CommandArgument): Promise<void> => {
    const { ref, connection, secret } = await resolveSecret(deps, arg, 'Delete Secret');
    await confirmDelete(deps, {
      name: ref.name,
      connection,
      scope: deleteScopeText(secret),
      consequences:
        `Functions and jobs that read ${secretVariableName(ref.name)} will fail. ` +
        'Its version history is deleted too; this cannot be undone.',
    });
    const on = onConnection(connection, deps.registry);
    await deps.progress.withProgress(`Deleting ${ref.name}${on}…`, () =>
      withClient(deps, connection, (client) => client.secrets.deleteById(ref.id)),
    );
    await deps.store.refresh(connection.id);
    void deps.notifier.info(`Deleted the secret "${ref.name}"${on}.`);
  };
}
