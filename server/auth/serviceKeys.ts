/**
 * Service keys (`sk_` + 43 URL-safe base64 characters, 256 random bits).
 * A key is found by its first 16 characters, as upstream does, and checked
 * against a SHA-256 hash: the key is random, so a slow hash adds nothing.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The prefix every service key starts with. */
export const SERVICE_KEY_PREFIX = 'sk_';
/** How many leading characters are stored in clear for the lookup. */
export const SERVICE_KEY_LOOKUP_LENGTH = 16;

/** A new random service key. */
export function generateServiceKey(): string {
  return SERVICE_KEY_PREFIX + randomBytes(32).toString('base64url');
}

/** Hex SHA-256 of the key, the only form that is stored. */
export function hashServiceKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** True when `key` hashes to `storedHash` (constant-time comparison). */
export function serviceKeyMatches(key: string, storedHash: string): boolean {
  const actual = Buffer.from(hashServiceKey(key), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Upstream's shape check before any lookup: `sk_` and at least 16 characters. */
export function looksLikeServiceKey(key: string): boolean {
  return key.startsWith(SERVICE_KEY_PREFIX) && key.length >= SERVICE_KEY_LOOKUP_LENGTH;
}
