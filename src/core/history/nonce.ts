import { randomBytes } from 'node:crypto';

/** A CSP nonce: 128 random bits from `crypto.randomBytes`, base64url so it needs no escaping anywhere. */
export function createNonce(): string {
  return randomBytes(16).toString('base64url');
}
