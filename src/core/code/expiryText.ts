import type { SecretSummary } from '../api/secretTypes';
import { formatRelativeTime } from '../../shared/time';
import { expiryStateOf } from '../../shared/expiry';

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
  return `${verb} ${formatRelativeTime(when, now)}`;
}
