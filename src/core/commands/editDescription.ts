import type { CommandArgument } from '../commandArgument';
import type { Secret } from '../api/secretTypes';
import { onConnection } from '../connections/connectionNaming';
import type { CommandDeps } from './commandDeps';
import { revealChangedSecret } from './revealChangedSecret';
import { resolveSecret } from './secretTarget';
import { withClient } from './withClient';

/**
 * `fluxbaseSecrets.editDescription`: edits a secret's description (no new
 * version). An unchanged description sends nothing. The server cannot
 * remove a description, only store an empty one, and the box says so.
 * Run from anywhere but the secret's row, it then selects the secret in the tree.
 */
export function editDescriptionCommand(deps: CommandDeps) {
  return async (arg: CommandArgument): Promise<Secret | undefined> => {
    const { ref, connection, secret } = await resolveSecret(deps, arg, 'Edit Description');
    const on = onConnection(connection, deps.registry);
    const current = secret.description ?? '';
    const description = await deps.input.inputText({
      title: `Edit Description of ${ref.name}${on}`,
      prompt: 'Description (empty stores an empty description; the value and version stay as they are)',
      value: current,
    });
    if (description === current) {
      return undefined;
    }
    const updated = await deps.progress.withProgress(`Updating ${ref.name}${on}…`, () =>
      withClient(deps, connection, (client) => client.secrets.updateById(ref.id, { description })),
    );
    await deps.store.refresh(connection.id);
    await revealChangedSecret(deps, ref, arg);
    void deps.notifier.info(`Updated the description of "${ref.name}"${on}.`);
    return updated;
  };
}
