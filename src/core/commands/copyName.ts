import type { CommandArgument } from '../commandArgument';
import type { CommandDeps } from './commandDeps';
import { resolveSecretRef } from './secretTarget';

/** `fluxbaseSecrets.copyName`: copies the secret's name. */
export function copyNameCommand(deps: CommandDeps) {
  return async (arg: CommandArgument): Promise<void> => {
    const ref = await resolveSecretRef(deps, arg, 'Copy Secret Name');
    await deps.clipboard.writeText(ref.name);
    void deps.notifier.info(`Copied "${ref.name}".`);
  };
}
