import { ranInSecretsView, type CommandArgument } from '../commandArgument';
import type { SecretRef } from '../../shared/secretRef';
import type { CommandDeps } from './commandDeps';

/**
 * After a command changed a secret: selects it in the Secrets tree, unless
 * the command ran on the secret's own row (the person is looking at it).
 * Keyboard focus moves to the tree only when a key in the tree ran the command.
 */
export async function revealChangedSecret(deps: CommandDeps, ref: SecretRef, arg: CommandArgument): Promise<void> {
  if (arg.kind !== 'treeNode') {
    await deps.explorerView?.revealSecret(ref, { focus: ranInSecretsView(arg) });
  }
}
