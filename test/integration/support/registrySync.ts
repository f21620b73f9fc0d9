import * as assert from 'node:assert/strict';
import type { LocalFluxbase } from './localFluxbase';

/**
 * Registers `functions` in `namespace` through the registry's sync route, as
 * `fluxbase functions sync --namespace <namespace>` does, signed in as the
 * local server's admin.
 */
export async function syncFunctions(
  local: LocalFluxbase,
  namespace: string,
  functions: { name: string; code: string }[],
): Promise<void> {
  const credentials = local.client.auth.credentials;
  assert.equal(credentials.type, 'session');
  const response = await fetch(`${local.server.url}/api/v1/admin/functions/sync`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${credentials.accessToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ namespace, functions, options: { delete_missing: false } }),
  });
  assert.equal(response.status, 200, await response.text());
}
