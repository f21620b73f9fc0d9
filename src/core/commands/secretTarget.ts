import type { SecretSummary } from '../api/secretTypes';
import type { Connection } from '../connections/connection';
import { secretRefIn, type CommandArgument } from '../commandArgument';
import type { SecretRef } from '../../shared/secretRef';
import { UserFacingError } from './commandErrors';
import { pickSecret } from './secretPick';
import type { CommandDeps } from './commandDeps';
import { withClient } from './withClient';

/** The secret a command acts on, its connection, and its metadata as last listed or fetched. */
export interface SecretTarget {
  ref: SecretRef;
  connection: Connection;
  secret: Pick<SecretSummary, 'id' | 'name' | 'scope' | 'namespace' | 'description' | 'version' | 'expires_at'>;
}

/**
 * The secret a command acts on: the one of the tree node or SecretRef it was
 * given, else (for a key pressed in the Secrets view) the focused row's,
 * else the one the person picks among the secrets of every signed-in
 * connection. Its metadata comes from the store's last list, or from one
 * `getById` when the store does not hold it (a SecretRef from elsewhere).
 */
export async function resolveSecret(deps: CommandDeps, arg: CommandArgument, title: string): Promise<SecretTarget> {
  const ref = await resolveSecretRef(deps, arg, title);
  const connection = deps.registry.list().find((candidate) => candidate.id === ref.connectionId);
  if (!connection) {
    throw new UserFacingError(`The connection of "${ref.name}" no longer exists.`);
  }
  const listed = deps.store.secretsFor(ref.connectionId).find((secret) => secret.id === ref.id);
  const secret = listed ?? (await withClient(deps, connection, (client) => client.secrets.getById(ref.id)));
  return { ref, connection, secret };
}

/** The secret a command acts on, without its metadata (no request): given, the focused row for a key in the tree, or picked. */
export async function resolveSecretRef(deps: CommandDeps, arg: CommandArgument, title: string): Promise<SecretRef> {
  return (
    secretRefIn(arg) ??
    (await focusedByKey(deps, arg)) ??
    (await pickSecret(deps, { title, placeholder: 'Choose a secret', presentation: 'bySecret' }))
  );
}

/** For a key pressed in the Secrets view (VS Code passes no row then): the secret of the row the keyboard is on. */
async function focusedByKey(deps: CommandDeps, arg: CommandArgument): Promise<SecretRef | undefined> {
  return arg.kind === 'viewKey' ? deps.explorerView?.focusedSecret() : undefined;
}
