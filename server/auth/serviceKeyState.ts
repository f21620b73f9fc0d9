/**
 * Whether a stored service key may be used now. Upstream (contract §3.1)
 * accepts a key only while it is enabled, not expired and (NF) not revoked;
 * every other state gets the same `401 Invalid service key`.
 */
import type { ServiceKeyRow } from '../storage/serviceKeysRepository';

/** The state of a key at a given moment; only `active` keys authenticate. */
export type ServiceKeyState = 'active' | 'revoked' | 'disabled' | 'expired';

/** The state of `row` at `now` (a stored time, see goCompat/goTime; stored times compare as text). */
export function serviceKeyState(
  row: Pick<ServiceKeyRow, 'enabled' | 'expires_at' | 'revoked_at'>,
  now: string,
): ServiceKeyState {
  if (row.revoked_at !== null) return 'revoked';
  if (row.enabled !== 1) return 'disabled';
  if (row.expires_at !== null && row.expires_at <= now) return 'expired';
  return 'active';
}
