import { parseExpiryInput } from './expiryInput';
import { formatRelativeTime, utcMinuteText } from './time';

/** What an expiry box says under the text while it is typed: a refusal, or what the answer will mean. */
export interface ExpiryPreview {
  severity: 'error' | 'info';
  message: string;
}

/**
 * The live preview of an expiry as it is typed (the one parser,
 * parseExpiryInput): the resulting date and time in the person's zone and in
 * UTC, and how far away it is, e.g. "Expires Mar 4, 2027, 10:00 AM your time
 * · 2027-03-04 09:00 UTC · in 90 days"; "No expiry" for an empty answer; the
 * parser's refusal (unknown form, a time not in the future) as an error.
 * `zone` is the person's time zone and locale (undefined: this process's, as
 * the host runs).
 */
export function expiryPreview(
  text: string,
  now: number,
  zone: { timeZone?: string; locale?: string } = {},
): ExpiryPreview {
  const parsed = parseExpiryInput(text, now);
  switch (parsed.kind) {
    case 'invalid':
      return { severity: 'error', message: parsed.message };
    case 'none':
      return { severity: 'info', message: 'No expiry: the secret never expires' };
    case 'at': {
      const at = new Date(parsed.expiresAt);
      const local = new Intl.DateTimeFormat(zone.locale, {
        dateStyle: 'medium',
        timeStyle: 'short',
        ...(zone.timeZone !== undefined ? { timeZone: zone.timeZone } : {}),
      }).format(at);
      return {
        severity: 'info',
        message: `Expires ${local} your time · ${utcMinuteText(at)} · ${formatRelativeTime(at, new Date(now))}`,
      };
    }
  }
}
