import type { SecretSummary } from '../../../../src/core/api/secretTypes';
import type { ConnectionState } from '../../../../src/core/explorer/secretsStore';
import { DAY, NOW } from './fakeFluxbase';

let counter = 0;

/** A listed secret with sensible defaults. */
export function summary(partial: Partial<SecretSummary> & { name: string }): SecretSummary {
  counter += 1;
  return {
    id: `id-${partial.name}-${partial.namespace ?? 'global'}-${counter}`,
    scope: partial.namespace ? 'namespace' : 'global',
    version: 1,
    created_at: new Date(NOW - 10 * DAY).toISOString(),
    updated_at: new Date(NOW - DAY).toISOString(),
    is_expired: false,
    ...partial,
  };
}

/** A ready connection state holding `secrets`. */
export function readyState(secrets: SecretSummary[], id = 'conn-1', name = 'Prod'): ConnectionState {
  return {
    id,
    name,
    url: 'https://fluxbase.example.com',
    status: 'ready',
    secrets,
    stats: { total: secrets.length, expiring_soon: 0, expired: 0 },
  };
}
