import type { SecretSummary } from '../../../src/core/api/secretTypes';
import type { CatalogEntry } from '../../../src/core/explorer/secretCatalog';

/** A fixed "now" for expiry tests. */
export const NOW = new Date('2026-03-01T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

/** An ISO time `days` from NOW (negative: in the past). */
export function daysFromNow(days: number): string {
  return new Date(NOW.getTime() + days * DAY).toISOString();
}

let nextId = 1;

/** A listed secret with sensible defaults. */
export function summary(overrides: Partial<SecretSummary> & { name: string }): SecretSummary {
  return {
    id: `00000000-0000-4000-8000-${String(nextId++).padStart(12, '0')}`,
    scope: 'global',
    version: 1,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    is_expired: false,
    ...overrides,
  };
}

/** A catalog entry of the connection `local` unless told otherwise. */
export function entry(
  overrides: Partial<SecretSummary> & { name: string },
  connection: { id: string; name: string } = { id: 'local', name: 'Local' },
): CatalogEntry {
  return { connectionId: connection.id, connectionName: connection.name, secret: summary(overrides) };
}
