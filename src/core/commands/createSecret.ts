import { GLOBAL_SCOPE_REACH } from '../../shared/scopeWording';
import type { CreateSecretRequest, Secret, SecretScope } from '../api/secretTypes';
import { namespacesOf } from '../explorer/effectiveVariables';
import { EXPIRY_INPUT_HINT, parseExpiryInput } from '../explorer/expiryInput';
import { secretRefOf } from '../explorer/secretRef';
import { secretVariableName } from '../secretVariable';
import type { CommandDeps } from './commandDeps';
import { ranInSecretsView } from './commandOrigin';
import { resolveConnection } from './connectionTarget';
import { pickNamespace } from './namespacePick';
import { placementText, validateSecretName, type SecretPlacement } from './secretNameValidation';
import { requireSignedIn, withClient } from './withClient';

/**
 * What another feature may fill in before the create flow starts (the code
 * features pass a name and a value from the editor). A given `value` skips
 * the value question; a given connection, scope or namespace skips those
 * questions; `name` and `description` are filled into their boxes.
 */
export interface CreateSecretPrefill {
  connectionId?: string;
  name?: string;
  value?: string;
  scope?: SecretScope;
  namespace?: string;
  description?: string;
}

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
 * was invoked on.
 */
export function createSecretCommand(deps: CommandDeps) {
  return async (arg?: unknown): Promise<CreateSecretResult> => {
    const prefill = prefillOf(arg);
    const connection = await resolveConnection(deps, prefill.connectionId, 'signedIn', TITLE);
    requireSignedIn(deps, connection);
    const existing = deps.store.secretsFor(connection.id);

    const scope =
      prefill.scope ??
      (await deps.input.pick<SecretScope>(
        [
          { label: 'Global', description: GLOBAL_SCOPE_REACH, value: 'global' },
          { label: 'Namespace', description: 'the functions and jobs of one namespace', value: 'namespace' },
        ],
        { title: TITLE, placeholder: 'Who gets the secret?' },
      ));
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
    const secret = await deps.progress.withProgress(`Creating secret ${name}…`, () =>
      withClient(deps, connection, (client) => client.secrets.create(request)),
    );
    await deps.store.refresh(connection.id);
    await deps.explorerView?.revealSecret(secretRefOf(connection.id, secret), { focus: ranInSecretsView(arg) });
    void deps.notifier.info(
      `Created secret "${name}" ${placementText(placement)}: functions read it as ${secretVariableName(name)}.`,
    );
    return { connectionId: connection.id, name, secret };
  };
}

/** The prefill carried by `arg`: a prefill object, or the connection, scope or namespace of a tree node. */
export function prefillOf(arg: unknown): CreateSecretPrefill {
  if (typeof arg !== 'object' || arg === null) {
    return {};
  }
  const value = arg as Record<string, unknown>;
  const text = (key: string): string | undefined => (typeof value[key] === 'string' ? value[key] : undefined);
  const connectionId = text('connectionId');
  switch (value.kind) {
    case 'scope':
      return strip({ connectionId, scope: value.scope === 'global' ? 'global' : 'namespace' });
    case 'namespace':
      return strip({ connectionId, scope: 'namespace', namespace: text('namespace') });
    case 'connection':
    case 'message':
    case 'secret':
      return strip({ connectionId });
  }
  const namespace = text('namespace');
  const scope =
    value.scope === 'global' || value.scope === 'namespace' ? value.scope : namespace ? 'namespace' : undefined;
  return strip({
    connectionId,
    name: text('name'),
    value: text('value'),
    scope,
    namespace: scope === 'namespace' ? namespace : undefined,
    description: text('description'),
  });
}

function strip(prefill: CreateSecretPrefill): CreateSecretPrefill {
  return Object.fromEntries(Object.entries(prefill).filter(([, value]) => value !== undefined));
}
