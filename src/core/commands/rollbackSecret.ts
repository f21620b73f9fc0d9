import type { CommandArgument } from '../commandArgument';
import type { Secret, SecretVersion } from '../api/secretTypes';
import { exactAndRelativeText } from '../../shared/time';
import { requireConfirmedVersion, SecretChangedError } from '../confirmedVersion';
import { confirmRollback } from '../history/rollbackConfirmation';
import { UserCancelledError } from '../userInput';
import { namesConnection, onConnection } from '../connections/connectionNaming';
import { UserFacingError } from './commandErrors';
import type { CommandDeps } from './commandDeps';
import { revealChangedSecret } from './revealChangedSecret';
import { resolveSecret } from './secretTarget';
import { withClient } from './withClient';

/**
 * `fluxbaseSecrets.rollbackSecret`: offers the secret's earlier versions
 * with their date and author, asks for confirmation, and rolls back (the
 * server saves the old value as a new version). Run from anywhere but the
 * secret's row, it then selects the secret in the tree.
 */
export function rollbackSecretCommand(deps: CommandDeps) {
  return async (arg: CommandArgument): Promise<Secret> => {
    const { ref, connection, secret } = await resolveSecret(deps, arg, 'Roll Back Secret');
    const on = onConnection(connection, deps.registry);
    const versions = await deps.progress.withProgress(`Loading the versions of ${ref.name}${on}…`, () =>
      withClient(deps, connection, (client) => client.secrets.getVersionsById(ref.id)),
    );
    // the versions just read are newer than the tree's row when someone wrote since its last refresh
    const current = Math.max(secret.version, ...versions.map((version) => version.version));
    const earlier = versions.filter((version) => version.version !== current).sort((a, b) => b.version - a.version);
    if (earlier.length === 0) {
      throw new UserFacingError(`"${ref.name}" has no earlier version to roll back to.`);
    }
    const now = new Date(deps.clock.now());
    const target = await deps.input.pick(
      earlier.map((version) => ({
        label: `v${version.version}`,
        description: versionDate(version, now),
        detail: version.created_by
          ? `by ${version.created_by}`
          : 'by an unknown author (a service key or a deleted user)',
        value: version.version,
      })),
      {
        title: `Roll Back ${ref.name}${on} (now v${current})`,
        placeholder: 'Choose the version whose value to restore',
      },
    );
    const confirmed = await confirmRollback(deps.input, {
      name: ref.name,
      ...(namesConnection(deps.registry) ? { connection: connection.name } : {}),
      ...(ref.namespace === undefined ? {} : { namespace: ref.namespace }),
      version: target,
      currentVersion: current,
    });
    if (!confirmed) {
      throw new UserCancelledError();
    }
    // confirmed as "v<current> becomes v<current + 1>": refused when someone wrote meanwhile
    const rolledBack = await deps.progress
      .withProgress(`Rolling back ${ref.name}${on}…`, () =>
        withClient(deps, connection, async (client) => {
          await requireConfirmedVersion(() => client.secrets.getById(ref.id), ref.name, current);
          return client.secrets.rollbackById(ref.id, target);
        }),
      )
      .catch(async (error: unknown) => {
        if (error instanceof SecretChangedError) {
          await deps.store.refresh(connection.id); // the tree shows their version
        }
        throw error;
      });
    await deps.store.refresh(connection.id);
    await revealChangedSecret(deps, ref, arg);
    void deps.notifier.info(`Rolled back "${ref.name}"${on} to version ${target}: now version ${rolledBack.version}.`);
    return rolledBack;
  };
}

function versionDate(version: SecretVersion, now: Date): string {
  return exactAndRelativeText(version.created_at, now) ?? version.created_at;
}
