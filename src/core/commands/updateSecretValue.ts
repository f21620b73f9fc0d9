import type { CommandArgument } from '../commandArgument';
import type { Secret } from '../api/secretTypes';
import { onConnection } from '../connections/connectionNaming';
import { expiryStateOf } from '../../shared/expiry';
import type { CommandDeps } from './commandDeps';
import { revealChangedSecret } from './revealChangedSecret';
import { resolveSecret } from './secretTarget';
import { withClient } from './withClient';

const SET_EXPIRY = 'Set Expiry…';

/**
 * `fluxbaseSecrets.updateSecretValue`: asks for a new value in a hidden box
 * that says the current one cannot be shown and a new version will be made,
 * saves it, and refreshes. Takes a secret node or a SecretRef; from the
 * palette it asks which secret. Run from anywhere but the secret's row, it
 * then selects the secret in the tree (focus moves there only from the view).
 * A new value does not renew an expired secret: the box and the notification
 * say so, and the notification offers Set Expiry.
 */
export function updateSecretValueCommand(deps: CommandDeps) {
  return async (arg: CommandArgument): Promise<Secret> => {
    const { ref, connection, secret } = await resolveSecret(deps, arg, 'Update Secret Value');
    const on = onConnection(connection, deps.registry);
    const value = await deps.input.inputText({
      title: `Update Value of ${ref.name}${on}`,
      prompt:
        `The current value cannot be shown. Saving a new value makes version ${secret.version + 1}.` +
        (expiryStateOf(secret, new Date(deps.clock.now())) === 'expired'
          ? ' It has expired: a new value does not change that (Set Expiry does).'
          : ''),
      password: true,
      validate: (text) => (text === '' ? { severity: 'error', message: 'Enter the new value' } : undefined),
    });
    const updated = await deps.progress.withProgress(`Updating ${ref.name}${on}…`, () =>
      withClient(deps, connection, (client) => client.secrets.updateById(ref.id, { value })),
    );
    await deps.store.refresh(connection.id);
    await revealChangedSecret(deps, ref, arg);
    const done = `Updated the value of "${ref.name}"${on}: now version ${updated.version}.`;
    if (expiryStateOf(updated, new Date(deps.clock.now())) !== 'expired') {
      void deps.notifier.info(done);
      return updated;
    }
    // a new value does not renew an expiry (contract §1.3): say so, and offer the fix that does
    void deps.notifier
      .warn(`${done} It is still expired, so functions do not get it: set a new expiry.`, SET_EXPIRY)
      .then((action) => action === SET_EXPIRY && deps.executeCommand('fluxbaseSecrets.setExpiry', ref));
    return updated;
  };
}
