import type { SecretRef } from '../explorer/secretRef';
import type { CommandDeps } from './commandDeps';
import { isTreeNodeArgument, ranInSecretsView } from './commandOrigin';

/**
 * After a command changed a secret: selects it in the Secrets tree, unless
 * the command ran on the secret's own row (the person is looking at it).
 * Keyboard focus moves to the tree only when a key in the tree ran the command.
 */
export async function revealChangedSecret(deps: CommandDeps, ref: SecretRef, arg: unknown): Promise<void> {
  if (!isTreeNodeArgument(arg)) {
    await deps.explorerView?.revealSecret(ref, { focus: ranInSecretsView(arg) });
  }
}
