/**
 * TOTP (RFC 6238) as upstream's pquerna/otp `totp.Validate` checks it:
 * HMAC-SHA1, 30-second steps, 6 digits, one step of skew either way. Secrets
 * are base32 (RFC 4648), as authenticator apps show them.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const STEP_SECONDS = 30;
const DIGITS = 6;

/** Decodes base32 (case-insensitive, spaces and `=` padding ignored); undefined when invalid or empty. */
export function decodeBase32(text: string): Buffer | undefined {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  if (clean === '') return undefined;
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of clean) {
    const value = ALPHABET.indexOf(ch);
    if (value < 0) return undefined;
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

/** The HOTP value (RFC 4226) of `secret` at `counter`, as `digits` decimal digits. */
export function hotp(secret: Buffer, counter: number, digits = DIGITS): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', secret).update(message).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The 6-digit code for `unixSeconds`. */
export function totpCode(secret: Buffer, unixSeconds: number): string {
  return hotp(secret, Math.floor(unixSeconds / STEP_SECONDS));
}

/**
 * The time step whose code `code` is, among the current step and the one
 * before and after it, skipping steps at or before `afterStep` (the last step
 * accepted for this user: a code is good once, RFC 6238 §5.2); undefined when
 * none matches.
 */
export function acceptedTotpStep(
  secret: Buffer,
  code: string,
  unixSeconds: number,
  afterStep = -1,
): number | undefined {
  if (!/^[0-9]{6}$/.test(code)) return undefined;
  const counter = Math.floor(unixSeconds / STEP_SECONDS);
  let matched: number | undefined;
  for (const step of [counter - 1, counter, counter + 1]) {
    if (step < 0 || step <= afterStep) continue;
    const expected = Buffer.from(hotp(secret, step));
    if (timingSafeEqual(expected, Buffer.from(code)) && matched === undefined) matched = step;
  }
  return matched;
}

/** True when `code` is the code of the current step or of the one before or after it. */
export function verifyTotp(secret: Buffer, code: string, unixSeconds: number): boolean {
  return acceptedTotpStep(secret, code, unixSeconds) !== undefined;
}
