import type { CreateSecretRequest, Secret } from '../api/secretTypes';
import { prefillIn, ranInSecretsView, type CommandArgument } from '../commandArgument';
import { onConnection } from '../connections/connectionNaming';
import { secretRefOf } from '../explorer/secretRef';
import { secretVariableName } from '../secretVariable';
import type { CommandDeps } from './commandDeps';
import { connectionChoice } from './connectionTarget';
import { askCreateSecret, initialState, type CreateFlowContext } from './createSecretSteps';
import { placementText } from './secretNameValidation';
import { requireSignedIn, withClient } from './withClient';

export type { CreateSecretPrefill } from '../commandArgument';

/** What `fluxbaseSecrets.createSecret` resolves to; undefined when cancelled. */
export interface CreateSecretResult {
  connectionId: string;
  /** The name the person chose (as sent), which features write into code: never the server's answer. */
  name: string;
  secret: Secret;
}

/**
 * `fluxbaseSecrets.createSecret`, the one create flow of the tree, the
 * palette, the quick fixes and Move to Fluxbase Secret: one multi-step input
 * (askCreateSecret) for the connection, scope, namespace, name, value
 * (hidden), description and expiry, skipping what the context preset; then
 * creates the secret, refreshes the tree and reveals the new row, selected.
 * Keyboard focus moves to the tree only when the command was run from it:
 * never away from the editor after a quick fix or an extract. Takes a
 * prefill or the tree node it was invoked on (prefillIn).
 */
export function createSecretCommand(deps: CommandDeps) {
  return async (arg: CommandArgument): Promise<CreateSecretResult> => {
    const prefill = prefillIn(arg);
    const choice = connectionChoice(deps, prefill.connectionId, 'signedIn');
    if (choice.kind === 'known') {
      requireSignedIn(deps, choice.connection);
    }
    const origin = arg.kind === 'treeNode' ? 'tree' : prefill.origin;
    const context: CreateFlowContext = {
      deps,
      prefill,
      connection:
        choice.kind === 'known' ? { known: choice.connection, given: choice.given } : { candidates: choice.candidates },
      ...(origin !== undefined ? { origin } : {}),
    };
    const state = initialState(context);
    try {
      const answers = await askCreateSecret(context, state);
      const { connection, placement, name, description, expiry } = answers;
      const request: CreateSecretRequest = {
        name,
        value: answers.value,
        scope: placement.scope,
        ...(placement.namespace !== undefined ? { namespace: placement.namespace } : {}),
        ...(description !== '' ? { description } : {}),
        ...(expiry.kind === 'at' ? { expires_at: expiry.expiresAt } : {}),
      };
      const on = onConnection(connection, deps.registry);
      const secret = await deps.progress.withProgress(`Creating secret ${name}${on}…`, () =>
        withClient(deps, connection, (client) => client.secrets.create(request)),
      );
      await deps.store.refresh(connection.id);
      await deps.explorerView?.revealSecret(secretRefOf(connection.id, secret), { focus: ranInSecretsView(arg) });
      void deps.notifier.info(
        `Created secret "${name}"${on} ${placementText(placement)}: functions read it as ${secretVariableName(name)}.`,
      );
      return { connectionId: connection.id, name, secret };
    } finally {
      // The value was needed only to send it.
      state.value = undefined;
    }
  };
}
