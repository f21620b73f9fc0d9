import type { SecretSummary } from '../api/secretTypes';
import type { Connection } from '../connections/connection';
import { secretRefIn, type CommandArgument } from '../commandArgument';
import { secretRefOf } from '../explorer/secretRef';
import type { SecretRef } from '../../shared/secretRef';
import { SignInRequiredError, UserFacingError } from './commandErrors';
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
  return secretRefIn(arg) ?? (await focusedByKey(deps, arg)) ?? (await pickSecret(deps, title));
}

/** For a key pressed in the Secrets view (VS Code passes no row then): the secret of the row the keyboard is on. */
async function focusedByKey(deps: CommandDeps, arg: CommandArgument): Promise<SecretRef | undefined> {
  return arg.kind === 'viewKey' ? deps.explorerView?.focusedSecret() : undefined;
}

/** Asks which secret, over every signed-in connection that has listed its secrets. */
async function pickSecret(deps: CommandDeps, title: string): Promise<SecretRef> {
  const ready = deps.store.connections().filter((state) => deps.store.clientFor(state.id) !== undefined);
  if (ready.length === 0) {
    throw new SignInRequiredError();
  }
  const several = ready.length > 1;
  const items = ready.flatMap((state) =>
    state.secrets.map((secret) => {
      const where = secret.scope === 'global' ? 'Global' : `namespace ${secret.namespace ?? ''}`;
      return {
        label: secret.name,
        description: several ? `${where} · ${state.name}` : where,
        ...(secret.description ? { detail: secret.description } : {}),
        value: secretRefOf(state.id, secret),
      };
    }),
  );
  if (items.length === 0) {
    throw new UserFacingError('There is no secret yet: create one with "Fluxbase Secrets: Create Secret".');
  }
  return deps.input.pick(items, { title, placeholder: 'Choose a secret', matchOnDetails: true });
}
