import { secretRefIn, type CommandArgument } from '../commandArgument';
import { secretRefOf } from '../explorer/secretRef';
import type { CatalogEntry, SecretCatalog } from '../explorer/secretCatalog';
import { secretVariableName } from '../secretVariable';
import type { PickItem, UserInput } from '../userInput';
import type { SecretRef } from '../../shared/secretRef';
import { SignInRequiredError, UserFacingError } from './commandErrors';

/** How the secrets are offered: one item per secret, or one per variable (what code reads). */
export type SecretPickPresentation = 'bySecret' | 'byVariable';

/**
 * The one secret picker, over the secrets of every signed-in connection
 * (the catalog): asks to sign in when nobody is, says there is no secret
 * yet when there is none to offer.
 */
export async function pickSecret<P extends SecretPickPresentation>(
  deps: { catalog: SecretCatalog; input: Pick<UserInput, 'pick'> },
  options: { title: string; placeholder: string; presentation: P },
): Promise<P extends 'bySecret' ? SecretRef : string> {
  const connections = deps.catalog.connections();
  if (connections.length === 0) {
    throw new SignInRequiredError();
  }
  const entries = deps.catalog.entries();
  const several = connections.length > 1;
  const items = (
    options.presentation === 'bySecret' ? bySecret(entries, several) : byVariable(entries, several)
  ) as PickItem<P extends 'bySecret' ? SecretRef : string>[];
  if (items.length === 0) {
    throw new UserFacingError('There is no secret yet: create one with "Fluxbase Secrets: Create Secret".');
  }
  return deps.input.pick(items, { title: options.title, placeholder: options.placeholder, matchOnDetails: true });
}

/**
 * The name of the secret to insert a reference to: the one of the tree node
 * or SecretRef given, else the one picked by variable.
 */
export async function chooseSecretName(
  deps: { catalog: SecretCatalog; input: Pick<UserInput, 'pick'> },
  arg: CommandArgument,
): Promise<string> {
  const given = secretRefIn(arg);
  if (given) {
    return given.name;
  }
  return pickSecret(deps, {
    title: 'Insert Secret Reference',
    placeholder: 'Choose the secret to read',
    presentation: 'byVariable',
  });
}

function bySecret(entries: readonly CatalogEntry[], several: boolean): PickItem<SecretRef>[] {
  return entries.map(({ connectionId, connectionName, secret }) => {
    const where = secret.scope === 'global' ? 'Global' : `namespace ${secret.namespace ?? ''}`;
    return {
      label: secret.name,
      description: several ? `${where} · ${connectionName}` : where,
      ...(secret.description ? { detail: secret.description } : {}),
      value: secretRefOf(connectionId, secret),
    };
  });
}

/** One item per variable, sorted; the first secret listed for a variable names it. */
function byVariable(entries: readonly CatalogEntry[], several: boolean): PickItem<string>[] {
  const seen = new Set<string>();
  const items: PickItem<string>[] = [];
  for (const { connectionName, secret } of entries) {
    const variable = secretVariableName(secret.name);
    if (seen.has(variable)) {
      continue;
    }
    seen.add(variable);
    const where = secret.scope === 'global' ? 'global' : `namespace ${secret.namespace ?? ''}`;
    items.push({
      label: variable,
      description: several ? `${secret.name} · ${where} · ${connectionName}` : `${secret.name} · ${where}`,
      ...(secret.description ? { detail: secret.description } : {}),
      value: secret.name,
    });
  }
  return items.sort((a, b) => a.label.localeCompare(b.label));
}
