import type { Connection } from '../connections/connection';
import { onConnection } from '../connections/connectionNaming';
import { DEFAULT_PRODUCTION_PATTERNS, isProductionLike } from '../connections/productionConnection';
import { confirm } from '../userInput';
import type { CommandDeps } from './commandDeps';

/** What a delete confirmation says: the secret, where it is, and what deleting it breaks. */
export interface DeleteConfirmation {
  name: string;
  connection: Connection;
  /** Where the secret is, e.g. `namespace "payments"`. */
  scope: string;
  /** What deleting breaks and that it cannot be undone. */
  consequences: string;
}

/**
 * Asks before a delete. On a production-like connection (see
 * isProductionLike and the `fluxbaseSecrets.productionPatterns` setting) the
 * person must type the secret's name, so that a reflex click cannot delete
 * it; elsewhere a modal with a "Delete" button is enough. Rejects with
 * UserCancelledError when the person declines.
 */
export async function confirmDelete(
  deps: Pick<CommandDeps, 'input' | 'registry' | 'productionPatterns'>,
  request: DeleteConfirmation,
): Promise<void> {
  const { name, connection } = request;
  const on = onConnection(connection, deps.registry.list().length);
  const patterns = deps.productionPatterns?.() ?? DEFAULT_PRODUCTION_PATTERNS;
  if (!isProductionLike(connection, patterns)) {
    await confirm(
      deps.input,
      `Delete the secret "${name}"${on} from ${request.scope}?`,
      request.consequences,
      'Delete',
    );
    return;
  }
  await deps.input.inputText({
    title: `Delete ${name} on ${connection.name} (production)`,
    prompt:
      `"${connection.name}" looks like production. Type ${name} to delete it from ${request.scope}. ` +
      request.consequences,
    placeholder: name,
    validate: (typed) =>
      typed === name ? undefined : { severity: 'error', message: `Type ${name} exactly to delete it.` },
  });
}
