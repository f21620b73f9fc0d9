import type { CommandArgument } from '../commandArgument';
import { secretVariableName } from '../secretVariable';
import { confirm } from '../userInput';
import type { CommandDeps } from './commandDeps';
import { resolveSecret } from './secretTarget';
import { withClient } from './withClient';

/**
 * `fluxbaseSecrets.deleteSecret`: after a modal confirmation that names the
 * secret, its scope, and that functions using it will fail, deletes it with
 * its history.
 */
export function deleteSecretCommand(deps: CommandDeps) {
  return async (arg: CommandArgument): Promise<void> => {
    const { ref, connection, secret } = await resolveSecret(deps, arg, 'Delete Secret');
    const scope = secret.scope === 'global' ? 'global scope (every function)' : `namespace "${secret.namespace ?? ''}"`;
    await confirm(
      deps.input,
      `Delete the secret "${ref.name}" from ${scope}?`,
      `Functions and jobs that read ${secretVariableName(ref.name)} will fail. ` +
        'Its version history is deleted too; this cannot be undone.',
      'Delete',
    );
    await deps.progress.withProgress(`Deleting ${ref.name}…`, () =>
      withClient(deps, connection, (client) => client.secrets.deleteById(ref.id)),
    );
    await deps.store.refresh(connection.id);
    void deps.notifier.info(`Deleted the secret "${ref.name}".`);
  };
}
