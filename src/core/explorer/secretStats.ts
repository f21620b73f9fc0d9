import type { SecretStats, SecretSummary } from '../api/secretTypes';
import { expiryStateOf } from '../../shared/expiry';

/**
 * The stats of a connection, computed from its list instead of a second
 * request per refresh: `total` counts every row, `expired` the rows the
 * server flagged (or whose expiry is past), `expiring_soon` those expiring
 * strictly within the next 7 days — the windows of `GET /stats` (contract
 * §1.3 (2)), judged at `now` instead of the database clock.
 */
export function computeStats(secrets: readonly SecretSummary[], now: number): SecretStats {
  const stats: SecretStats = { total: secrets.length, expiring_soon: 0, expired: 0 };
  const at = new Date(now);
  for (const secret of secrets) {
    const state = expiryStateOf(secret, at);
    if (state === 'expired') {
      stats.expired += 1;
    } else if (state === 'expiring') {
      stats.expiring_soon += 1;
    }
  }
  return stats;
}
