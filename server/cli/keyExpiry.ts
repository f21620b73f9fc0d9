/**
 * The `--expires` value of `keys create`: the same forms as the extension's
 * expiry input (30m, 12h, 30d, 1w, 1y, a date, a date and time, `never`),
 * parsed by the shared parser so both read them alike.
 */
import { parseExpiryInput } from '../../src/shared/expiryInput';
import { storedTimeFromMicros } from '../goCompat/goTime';
import { InputError } from './cliArgs';

/** The stored expiry for `text` at `nowMicros`, or null for no expiry; throws an InputError when it is not one. */
export function parseKeyExpiry(text: string, nowMicros: number): string | null {
  const parsed = parseExpiryInput(text, Math.floor(nowMicros / 1000));
  if (parsed.kind === 'invalid') throw new InputError(`--expires: ${parsed.message}`);
  if (parsed.kind === 'none') return null;
  return storedTimeFromMicros(Date.parse(parsed.expiresAt) * 1000);
}
