import type { CommandArgument } from '../commandArgument';
import { denoReference } from '../secretVariable';
import type { CommandDeps } from './commandDeps';
import { resolveSecretRef } from './secretTarget';

/** `fluxbaseSecrets.copyReference`: copies the code that reads the secret in a function, `Deno.env.get("FLUXBASE_SECRET_<NAME>")`. */
export function copyReferenceCommand(deps: CommandDeps) {
  return async (arg: CommandArgument): Promise<void> => {
    const ref = await resolveSecretRef(deps, arg, 'Copy Secret Reference');
    const reference = denoReference(ref.name);
    await deps.clipboard.writeText(reference);
    void deps.notifier.info(`Copied ${reference}.`);
  };
}
