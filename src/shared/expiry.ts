/** The expiry fields of a listed secret (contract §8.1). */
export interface ExpiryFields {
  expires_at?: string;
  is_expired?: boolean;
}

/** Whether a secret is usable, about to expire, or already left out at run time. */
export type ExpiryState = 'active' | 'expiring' | 'expired';

/** How far ahead an expiry counts as soon, as in the server's stats (contract §1.3 (2)). */
export const EXPIRING_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The expiry state of a listed secret at `now`: expired when the server said
 * so or its expiry is not after `now` (the runtime leaves it out then);
 * expiring when it expires strictly within the next 7 days.
 */
export function expiryStateOf(secret: ExpiryFields, now: Date): ExpiryState {
  if (secret.is_expired) {
    return 'expired';
  }
  if (secret.expires_at === undefined) {
    return 'active';
  }
  const expiresAt = Date.parse(secret.expires_at);
  if (Number.isNaN(expiresAt)) {
    return 'active';
  }
  if (expiresAt <= now.getTime()) {
    return 'expired';
  }
  return expiresAt - now.getTime() < EXPIRING_WINDOW_MS ? 'expiring' : 'active';
}
