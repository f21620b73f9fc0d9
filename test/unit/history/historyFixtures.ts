import type { Secret, SecretVersion } from '../../../src/core/api/secretTypes';
import type { SecretRef } from '../../../src/shared/secretRef';
import type { SecretHistoryView } from '../../../src/shared/historyProtocol';

/** A namespace secret reference used across the history tests. */
export const stripeRef: SecretRef = {
  connectionId: 'local',
  id: '7d9f3c1e-1111-4a2b-9c3d-000000000001',
  name: 'STRIPE_KEY',
  scope: 'namespace',
  namespace: 'billing',
};

/** The secret `stripeRef` points at, at version 3. */
export function stripeSecret(overrides: Partial<Secret> = {}): Secret {
  return {
    id: stripeRef.id,
    name: 'STRIPE_KEY',
    scope: 'namespace',
    namespace: 'billing',
    description: 'Payments API key',
    version: 3,
    expires_at: '2026-05-10T12:00:00Z',
    created_at: '2026-04-01T12:00:00Z',
    updated_at: '2026-04-30T12:00:00Z',
    created_by: 'user-1',
    updated_by: 'user-2',
    ...overrides,
  };
}

/** One history row of `stripeRef`. */
export function versionRow(version: number, createdAt: string, createdBy?: string): SecretVersion {
  return {
    id: `row-${version}`,
    secret_id: stripeRef.id,
    version,
    created_at: createdAt,
    ...(createdBy === undefined ? {} : { created_by: createdBy }),
  };
}

/** A well-formed view for protocol tests. */
export function sampleView(): SecretHistoryView {
  const time = { iso: '2026-04-30T12:00:00Z', exact: 'Apr 30, 2026, 12:00:00 UTC', relative: '1 day ago' };
  return {
    name: 'STRIPE_KEY',
    connection: { name: 'prod', url: 'https://prod.example.com' },
    scope: 'namespace',
    namespace: 'billing',
    variableName: 'FLUXBASE_SECRET_STRIPE_KEY',
    currentVersion: 3,
    description: 'Payments API key',
    expires: { ...time, expired: false },
    updated: time,
    versions: [
      {
        version: 3,
        created: time,
        author: { kind: 'you', label: 'You', description: 'You (me@example.com), user id user-1', id: 'user-1' },
        isCurrent: true,
      },
      {
        version: 2,
        created: time,
        author: { kind: 'user', label: 'user-2', description: 'User id user-2', id: 'user-2' },
        isCurrent: false,
      },
      { version: 1, created: time, author: { kind: 'unknown', label: '—', description: 'none' }, isCurrent: false },
    ],
    usage: {
      indexed: true,
      readers: [
        { kind: 'function', name: 'charge-customer', path: 'fluxbase/functions/charge-customer.ts', references: 2 },
      ],
    },
  };
}

/** The resource addresses and nonce the page HTML tests build pages from. */
export const pageResources = {
  cspSource: 'https://*.vscode-cdn.net',
  nonce: 'bm9uY2Utdi0x',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/history.css',
  codiconStyleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/codicons/codicon.css',
};
