import { expiryStateOf } from '../../shared/expiry';
import type { ConnectionState } from './secretsStore';

/** The Secrets view's badge: a count and what it counts. */
export interface ExplorerBadge {
  value: number;
  tooltip: string;
}

/**
 * The view's badge: how many secrets are expired or expire within 7 days,
 * over all connections, each secret once. A connection alone on its server
 * contributes its stats; connections that point at the same server (two
 * names, or two users, for one URL) would count its secrets twice, so there
 * each secret id counts once, judged at `now` as the stats are.
 */
export function explorerBadge(states: readonly ConnectionState[], now: number): ExplorerBadge | undefined {
  const byServer = new Map<string, ConnectionState[]>();
  for (const state of states) {
    byServer.set(state.url, [...(byServer.get(state.url) ?? []), state]);
  }
  let expired = 0;
  let expiring = 0;
  const at = new Date(now);
  for (const sharing of byServer.values()) {
    if (sharing.length === 1) {
      expired += sharing[0]!.stats?.expired ?? 0;
      expiring += sharing[0]!.stats?.expiring_soon ?? 0;
      continue;
    }
    const seen = new Set<string>();
    for (const secret of sharing.flatMap((state) => (state.status === 'ready' ? state.secrets : []))) {
      if (seen.has(secret.id)) {
        continue;
      }
      seen.add(secret.id);
      const state = expiryStateOf(secret, at);
      if (state === 'expired') {
        expired += 1;
      } else if (state === 'expiring') {
        expiring += 1;
      }
    }
  }
  const value = expired + expiring;
  if (value === 0) {
    return undefined;
  }
  return { value, tooltip: `${expired} secret${expired === 1 ? '' : 's'} expired, ${expiring} expiring within 7 days` };
}
