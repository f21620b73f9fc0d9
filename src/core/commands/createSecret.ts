import type { CreateSecretRequest, Secret } from '../api/secretTypes';
import { prefillIn, ranInSecretsView, type CommandArgument } from '../commandArgument';
import { onConnection } from '../connections/connectionNaming';
import { namespacesOf } from '../explorer/effectiveVariables';
import { EXPIRY_INPUT_HINT, parseExpiryInput } from '../../shared/expiryInput';
import { secretRefOf } from '../explorer/secretRef';
import { secretVariableName } from '../secretVariable';
import type { CommandDeps } from './commandDeps';
import { resolveConnection } from './connectionTarget';
import { pickNamespace, pickScope } from './namespacePick';
import { placementText, validateSecretName, type SecretPlacement } from './secretNameValidation';
import { requireSignedIn, withClient } from './withClient';

export type { CreateSecretPrefill } from '../commandArgument';

/** What `fluxbaseSecrets.createSecret` resolves to; undefined when cancelled. */
export interface CreateSecretResult {
  connectionId: string;
  /** The name the person chose (as sent), which features write into code: never the server's answer. */
  name: string;
  secret: Secret;
}

const TITLE = 'Create Secret';

/**
 * `fluxbaseSecrets.createSecret`: asks for the connection, scope, namespace,
 * name, value (hidden), description and expiry, creates the secret,
 * refreshes the tree and reveals the new row, selected. Keyboard focus moves
 * to the tree only when the command was run from it: never away from the
 * editor after a quick fix or an extract. Takes a prefill or the tree node it
 * was invoked on (prefillIn).
 */
export function createSecretCommand(deps: CommandDeps) {
  return async (arg: CommandArgument): Promise<CreateSecretResult> => {
    const prefill = prefillIn(arg);
    const connection = await resolveConnection(deps, prefill.connectionId, 'signedIn', TITLE);
    requireSignedIn(deps, connection);
    const existing = deps.store.secretsFor(connection.id);

    const scope =
      prefill.scope ??
      (await pickScope(deps.input, { title: TITLE, placeholder: 'Who gets the secret?', namespaceLabel: 'Namespace' }));
    const placement: SecretPlacement =
      scope === 'global'
        ? { scope }
        : { scope, namespace: prefill.namespace ?? (await pickNamespace(deps.input, namespacesOf(existing), TITLE)) };

    const name = await deps.input.inputText({
      title: TITLE,
      prompt: `Name of the secret ${placementText(placement)}; functions read it as FLUXBASE_SECRET_<NAME>`,
      placeholder: 'STRIPE_KEY',
      ...(prefill.name !== undefined ? { value: prefill.name } : {}),
      validate: (value) => validateSecretName(value, placement, existing),
    });
    const value =
      prefill.value ??
      (await deps.input.inputText({
        title: TITLE,
        prompt: `Value of ${name} (hidden; it cannot be shown again after saving)`,
        password: true,
        validate: (text) => (text === '' ? { severity: 'error', message: 'Enter a value' } : undefined),
      }));
    const description = await deps.input.inputText({
      title: TITLE,
      prompt: 'Description (optional)',
      ...(prefill.description !== undefined ? { value: prefill.description } : {}),
    });
    const expiryText = await deps.input.inputText({
      title: TITLE,
      prompt: `Expiry (optional): ${EXPIRY_INPUT_HINT}`,
      placeholder: '30d',
      validate: (text) => {
        const parsed = parseExpiryInput(text, deps.clock.now());
        return parsed.kind === 'invalid' ? { severity: 'error', message: parsed.message } : undefined;
      },
    });
    const expiry = parseExpiryInput(expiryText, deps.clock.now());

    const request: CreateSecretRequest = {
      name,
      value,
      scope: placement.scope,
      ...(placement.namespace !== undefined ? { namespace: placement.namespace } : {}),
      ...(description !== '' ? { description } : {}),
      ...(expiry.kind === 'at' ? { expires_at: expiry.expiresAt } : {}),
    };
    const on = onConnection(connection, deps.registry.list().length);
    const secret = await deps.progress.withProgress(`Creating secret ${name}${on}…`, () =>
      withClient(deps, connection, (client) => client.secrets.create(request)),
    );
    await deps.store.refresh(connection.id);
    await deps.explorerView?.revealSecret(secretRefOf(connection.id, secret), { focus: ranInSecretsView(arg) });
    void deps.notifier.info(
      `Created secret "${name}"${on} ${placementText(placement)}: functions read it as ${secretVariableName(name)}.`,
    );
    return { connectionId: connection.id, name, secret };
  };
}
