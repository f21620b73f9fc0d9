import type { CommandArgument } from '../commandArgument';
import { onConnection } from '../connections/connectionNaming';
import type { CommandDeps } from './commandDeps';
import { resolveSecretRef } from './secretTarget';

/** `fluxbaseSecrets.copyName`: copies the secret's name. */
export function copyNameCommand(deps: CommandDeps) {
  return async (arg: CommandArgument): Promise<void> => {
    const ref = await resolveSecretRef(deps, arg, 'Copy Secret Name');
    await deps.clipboard.writeText(ref.name);
    const connection = deps.registry.list().find((candidate) => candidate.id === ref.connectionId);
    const on = connection === undefined ? '' : onConnection(connection, deps.registry);
    void deps.notifier.info(`Copied "${ref.name}"${on}.`);
  };
}
