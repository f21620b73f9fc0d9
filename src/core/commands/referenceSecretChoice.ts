import { secretRefIn, type CommandArgument } from '../commandArgument';
import type { SecretCatalog } from '../explorer/secretCatalog';
import { secretVariableName } from '../secretVariable';
import type { UserInput } from '../userInput';
import { SignInRequiredError, UserFacingError } from './commandErrors';

/**
 * The name of the secret to insert a reference to: the one of the tree node
 * or SecretRef given, else the one picked among the secrets of every
 * signed-in connection (listed by variable; one item per variable).
 */
export async function chooseSecretName(
  deps: { catalog: SecretCatalog; input: UserInput },
  arg: CommandArgument,
): Promise<string> {
  const given = secretRefIn(arg);
  if (given) {
    return given.name;
  }
  if (deps.catalog.connections().length === 0) {
    throw new SignInRequiredError();
  }
  const several = deps.catalog.connections().length > 1;
  const seen = new Set<string>();
  const items = [];
  for (const { connectionName, secret } of deps.catalog.entries()) {
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
  if (items.length === 0) {
    throw new UserFacingError('There is no secret yet: create one with "Fluxbase Secrets: Create Secret".');
  }
  items.sort((a, b) => a.label.localeCompare(b.label));
  return deps.input.pick(items, {
    title: 'Insert Secret Reference',
    placeholder: 'Choose the secret to read',
    matchOnDetails: true,
  });
}
