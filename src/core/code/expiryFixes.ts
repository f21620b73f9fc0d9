import type { CommandId } from '../commandIds';
import { onConnection, type ConfiguredConnections } from '../connections/connectionNaming';
import type { CatalogEntry } from '../explorer/secretCatalog';
import { secretRefOf } from '../explorer/secretRef';
import type { SecretRef } from '../../shared/secretRef';

/** A quick fix on an expired or soon expiring reference: a command run on one exact secret. */
export interface ExpiryFix {
  title: string;
  command: Extract<CommandId, 'fluxbaseSecrets.updateSecretValue' | 'fluxbaseSecrets.setExpiry'>;
  /** The secret it acts on: connection, scope, namespace and server id. */
  ref: SecretRef;
}

/**
 * The fixes of the secrets an expired or expiring finding names
 * (`renewable`): for each, "Update value of NAME…" (a new version, through
 * Update Value) and "Set expiry of NAME…" (through Set Expiry), on that
 * secret's own connection and namespace. When several secrets are offered the
 * titles add their scope; with several connections configured, the
 * connection, by the rule the commands' own titles follow (connectionNaming).
 * A secret named twice is offered once.
 */
export function expiryFixes(renewable: readonly CatalogEntry[], configured: ConfiguredConnections): ExpiryFix[] {
  const seen = new Set<string>();
  const unique = renewable.filter((entry) => {
    const key = JSON.stringify([entry.connectionId, entry.secret.id]);
    return seen.has(key) ? false : (seen.add(key), true);
  });
  return unique.flatMap((entry) => {
    const ref = secretRefOf(entry.connectionId, entry.secret);
    const scope = unique.length > 1 ? scopeText(ref) : '';
    const where = `${scope}${onConnection({ name: entry.connectionName }, configured)}`;
    return [
      { title: `Update value of ${ref.name}${where}…`, command: 'fluxbaseSecrets.updateSecretValue', ref },
      { title: `Set expiry of ${ref.name}${where}…`, command: 'fluxbaseSecrets.setExpiry', ref },
    ];
  });
}

function scopeText(ref: SecretRef): string {
  return ref.scope === 'namespace' ? ` in namespace ${ref.namespace ?? ''}` : ' (global)';
}
