import type { SecretStats, SecretSummary } from '../api/secretTypes';
import type { ExpiryState } from '../../shared/expiry';
import { formatRelativeTime } from '../../shared/time';

/**
 * The short texts beside tree rows. The default sidebar is narrow and VS
 * Code cuts descriptions from the right, so the most important fact comes
 * first (an expired or expiring secret says so before its version) and the
 * rest waits in the tooltip.
 */

/** A secret row's description, e.g. "expired · v3", "expires in 5 days · v2", "v1 · overrides global". */
export function secretDescription(
  secret: Pick<SecretSummary, 'version' | 'expires_at'>,
  expiry: ExpiryState,
  overridesGlobal: boolean,
  now: Date,
): string {
  const version = `v${secret.version}`;
  const parts: string[] = [];
  if (expiry === 'expired') {
    parts.push('expired', version);
  } else if (expiry === 'expiring' && secret.expires_at !== undefined) {
    parts.push(`expires ${formatRelativeTime(new Date(secret.expires_at), now)}`, version);
  } else {
    parts.push(version);
    if (secret.expires_at !== undefined) {
      parts.push(`expires ${formatRelativeTime(new Date(secret.expires_at), now)}`);
    }
  }
  if (overridesGlobal) {
    parts.push('overrides global');
  }
  return parts.join(' · ');
}

/** A ready connection's description: "7 secrets", or with problems the compact "7 · 1 expired · 1 expiring". */
export function statsDescription(stats: SecretStats): string {
  if (stats.expired === 0 && stats.expiring_soon === 0) {
    return plural(stats.total, 'secret');
  }
  const parts = [String(stats.total)];
  if (stats.expired > 0) {
    parts.push(`${stats.expired} expired`);
  }
  if (stats.expiring_soon > 0) {
    parts.push(`${stats.expiring_soon} expiring`);
  }
  return parts.join(' · ');
}

/** A connection row's tooltip: name, URL, the stats in full words, and what went wrong. */
export function connectionTooltip(state: {
  name: string;
  url: string;
  stats?: SecretStats | undefined;
  error?: string | undefined;
}): string {
  const stats =
    state.stats === undefined
      ? undefined
      : `${plural(state.stats.total, 'secret')}: ${state.stats.expired} expired, ` +
        `${state.stats.expiring_soon} expiring within 7 days`;
  return [state.name, state.url, stats, state.error].filter(Boolean).join('\n');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
