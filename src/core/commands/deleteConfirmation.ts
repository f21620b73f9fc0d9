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
  /**
   * A delete that is part of something else (Set Expiry's delete and
   * re-create): the modal's words off production, and the typed box's title
   * and purpose on production. Absent: a plain delete.
   */
  action?: DeleteAction;
}

/** How a delete that is part of another action asks. */
export interface DeleteAction {
  /** The modal off production. */
  modal: { message: string; detail: string; button: string };
  /** The typed box's title before the name, e.g. "Delete and Re-create". */
  title: string;
  /** What typing the name does, after "Type NAME to", e.g. `delete it from global scope and create it again`. */
  purpose: string;
}

/** Where a secret is, as delete confirmations say it: `global scope (all functions)` or `namespace "billing"`. */
export function deleteScopeText(secret: { scope: 'global' | 'namespace'; namespace?: string | undefined }): string {
  return secret.scope === 'global' ? 'global scope (all functions)' : `namespace "${secret.namespace ?? ''}"`;
}

/**
 * The one confirmation of every delete: Delete Secret's, and Set Expiry's
 * delete and re-create. On a production-like connection (see
 * isProductionLike and the `fluxbaseSecrets.productionPatterns` setting) the
 * person must type the secret's name, so that a reflex click cannot delete
 * it; elsewhere a modal with a confirming button is enough. Rejects with
 * UserCancelledError when the person declines.
 */
export async function confirmDelete(
  deps: Pick<CommandDeps, 'input' | 'registry' | 'productionPatterns'>,
  request: DeleteConfirmation,
): Promise<void> {
  const { name, connection, action } = request;
  const on = onConnection(connection, deps.registry);
  const patterns = deps.productionPatterns?.() ?? DEFAULT_PRODUCTION_PATTERNS;
  if (!isProductionLike(connection, patterns)) {
    const modal = action?.modal ?? {
      message: `Delete the secret "${name}"${on} from ${request.scope}?`,
      detail: request.consequences,
      button: 'Delete',
    };
    await confirm(deps.input, modal.message, modal.detail, modal.button);
    return;
  }
  await deps.input.inputText({
    title: `${action?.title ?? 'Delete'} ${name} on ${connection.name} (production)`,
    prompt:
      `"${connection.name}" looks like production. Type ${name} to ${action?.purpose ?? `delete it from ${request.scope}`}. ` +
      request.consequences,
    placeholder: name,
    validate: (typed) =>
      typed === name ? undefined : { severity: 'error', message: `Type ${name} exactly to delete it.` },
  });
}
