import type { CommandArgument } from '../commandArgument';
import { FluxbaseApiError } from '../api/fluxbaseApiError';
import type { Secret } from '../api/secretTypes';
import { requireConfirmedVersion } from '../confirmedVersion';
import { EXPIRY_INPUT_HINT, parseExpiryInput } from '../../shared/expiryInput';
import { onConnection } from '../connections/connectionNaming';
import type { CommandDeps } from './commandDeps';
import { confirmDelete, deleteScopeText } from './deleteConfirmation';
import { resolveSecret, type SecretTarget } from './secretTarget';
import { withClient } from './withClient';

const RECREATE = 'Delete and Re-create';

/**
 * `fluxbaseSecrets.setExpiry`: sets when a secret expires. The server cannot
 * remove an expiry (contract §1.3 (5)); asked to, this says so and offers to
 * delete the secret and create it again without one, asking for its value
 * again since no value can be read back. That delete asks as Delete Secret
 * does: on a production-like connection, the secret's name is typed.
 */
export function setExpiryCommand(deps: CommandDeps) {
  return async (arg: CommandArgument): Promise<Secret | undefined> => {
    const target = await resolveSecret(deps, arg, 'Set Expiry');
    const { ref, connection, secret } = target;
    const on = onConnection(connection, deps.registry);
    const current = secret.expires_at ? `It expires at ${secret.expires_at}.` : 'It never expires.';
    const text = await deps.input.inputText({
      title: `Set Expiry of ${ref.name}${on}`,
      prompt: `${current} New expiry: ${EXPIRY_INPUT_HINT}`,
      placeholder: '30d',
      validate: (value) => {
        const parsed = parseExpiryInput(value, deps.clock.now());
        return parsed.kind === 'invalid' ? { severity: 'error', message: parsed.message } : undefined;
      },
    });
    const expiry = parseExpiryInput(text, deps.clock.now());
    if (expiry.kind === 'invalid') {
      throw new Error(expiry.message);
    }
    if (expiry.kind === 'none') {
      return secret.expires_at === undefined ? undefined : recreateWithoutExpiry(deps, target);
    }
    const updated = await deps.progress.withProgress(`Updating ${ref.name}${on}…`, () =>
      withClient(deps, connection, (client) => client.secrets.updateById(ref.id, { expires_at: expiry.expiresAt })),
    );
    await deps.store.refresh(connection.id);
    void deps.notifier.info(`"${ref.name}"${on} now expires at ${expiry.expiresAt}.`);
    return updated;
  };
}

async function recreateWithoutExpiry(deps: CommandDeps, { ref, connection, secret }: SecretTarget): Promise<Secret> {
  const on = onConnection(connection, deps.registry);
  const scope = deleteScopeText(secret);
  const lost = 'Its value cannot be read back, so you enter it again, and its version history is lost.';
  // a delete like any other: on a production-like connection, the name is typed
  await confirmDelete(deps, {
    name: ref.name,
    connection,
    scope,
    consequences: `The server cannot remove an expiry. ${lost}`,
    action: {
      modal: {
        message: 'The Fluxbase server cannot remove an expiry.',
        detail:
          `To make "${ref.name}"${on} never expire, it has to be deleted and created again with the same name, scope and ` +
          `description. ${lost}`,
        button: RECREATE,
      },
      title: RECREATE,
      purpose: `delete it from ${scope} and create it again without an expiry`,
    },
  });
  const value = await deps.input.inputText({
    title: `Re-create ${ref.name}${on}`,
    prompt: `Value of ${ref.name} (hidden)`,
    password: true,
    validate: (text) => (text === '' ? { severity: 'error', message: 'Enter the value' } : undefined),
  });
  let created: Secret;
  try {
    created = await deps.progress.withProgress(`Re-creating ${ref.name}${on}…`, () =>
      withClient(deps, connection, async (client) => {
        // The value typed again replaces the one of the version the person knew: refused if someone wrote meanwhile,
        // and re-created as the secret is now (a description edited meanwhile is kept).
        const now = await requireConfirmedVersion(() => client.secrets.getById(ref.id), ref.name, secret.version);
        await client.secrets.deleteById(ref.id);
        try {
          return await client.secrets.create({
            name: now.name,
            value,
            scope: now.scope,
            ...(now.scope === 'namespace' && now.namespace !== undefined ? { namespace: now.namespace } : {}),
            ...(now.description !== undefined ? { description: now.description } : {}),
          });
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new FluxbaseApiError(
            FluxbaseApiError.is(error) ? error.kind : 'server',
            `"${ref.name}"${on} was deleted, but creating it again failed (${reason}); create it again with Create Secret`,
            { cause: error },
          );
        }
      }),
    );
  } finally {
    await deps.store.refresh(connection.id);
  }
  void deps.notifier.info(`Re-created "${ref.name}"${on} without an expiry.`);
  return created;
}
