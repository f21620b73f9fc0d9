import type { SecretSummary } from '../api/secretTypes';
import { expiryStateOf } from './expiryState';

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 60 * 60 * 1000],
  ['month', 30 * 24 * 60 * 60 * 1000],
  ['day', 24 * 60 * 60 * 1000],
  ['hour', 60 * 60 * 1000],
  ['minute', 60 * 1000],
];

const relativeFormat = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** `in 5 days`, `3 hours ago`: the distance from `now` to `when` in the largest unit it fills, rounded. */
export function relativeTime(when: Date, now: Date): string {
  const delta = when.getTime() - now.getTime();
  for (const [unit, size] of UNITS) {
    if (Math.abs(delta) >= size) {
      // a list fetched moments ago says "in 3 days", not "in 2 days", for an expiry 3 days out
      return relativeFormat.format(Math.round(delta / size), unit);
    }
  }
  return delta >= 0 ? 'in less than a minute' : 'less than a minute ago';
}

/** A short phrase for a secret's expiry: `never expires`, `expires in 5 days`, `expired 2 hours ago`. */
export function describeExpiry(secret: Pick<SecretSummary, 'expires_at' | 'is_expired'>, now: Date): string {
  if (secret.expires_at === undefined) {
    return secret.is_expired ? 'expired' : 'never expires';
  }
  const when = new Date(secret.expires_at);
  if (Number.isNaN(when.getTime())) {
    return 'expiry unknown';
  }
  const verb = expiryStateOf(secret, now) === 'expired' ? 'expired' : 'expires';
  return `${verb} ${relativeTime(when, now)}`;
}
