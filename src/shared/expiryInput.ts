/** What the person typed for an expiry: none, an instant, or something that is not understood. */
export type ExpiryInput =
  | { kind: 'none' }
  | { kind: 'at'; /** RFC 3339 in UTC, as `toISOString()` gives it (contract §8.4). */ expiresAt: string }
  | { kind: 'invalid'; message: string };

/** The hint shown under expiry input boxes. */
export const EXPIRY_INPUT_HINT =
  'A duration (30m, 12h, 30d, 1w, 1y), a date (2026-12-31, midnight UTC), a date and time (2026-12-31T18:00+02:00), or empty for none';

const MINUTE = 60_000;
const UNIT_MS: Readonly<Record<string, number>> = {
  m: MINUTE,
  h: 60 * MINUTE,
  d: 24 * 60 * MINUTE,
  w: 7 * 24 * 60 * MINUTE,
  y: 365 * 24 * 60 * MINUTE,
};
const MAX_MS = 100 * UNIT_MS.y!;

const DURATION = /^(\d+)\s*([mhdwy])$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/i;

/**
 * Parses an expiry typed in an input box, relative to `now`: a duration
 * (minutes, hours, days, weeks of 7 days, years of 365 days, as the
 * Fluxbase CLI counts them), an ISO date (midnight UTC), an ISO date-time
 * (UTC unless it names a zone), or nothing. An instant that is not in the
 * future is refused: a secret that is already expired reaches no function.
 */
export function parseExpiryInput(text: string, now: number): ExpiryInput {
  const input = text.trim();
  if (input === '' || /^(none|never)$/i.test(input)) {
    return { kind: 'none' };
  }
  const instant = parseInstant(input, now);
  if (instant === undefined) {
    return { kind: 'invalid', message: `"${input}" is not an expiry. Use ${EXPIRY_INPUT_HINT.replace(/^A/, 'a')}.` };
  }
  if (typeof instant === 'string') {
    return { kind: 'invalid', message: instant };
  }
  if (instant <= now) {
    return {
      kind: 'invalid',
      message: `${new Date(instant).toISOString()} is not in the future: a secret that has expired reaches no function. Choose a later time.`,
    };
  }
  return { kind: 'at', expiresAt: new Date(instant).toISOString() };
}

/** Milliseconds since the epoch, a message about what is wrong, or undefined when the form is unknown. */
function parseInstant(input: string, now: number): number | string | undefined {
  const duration = DURATION.exec(input);
  if (duration) {
    const amount = Number(duration[1]);
    const ms = amount * UNIT_MS[duration[2]!.toLowerCase()]!;
    if (amount === 0) {
      return 'A duration must be longer than zero.';
    }
    return ms > MAX_MS ? 'That is more than 100 years from now.' : now + ms;
  }
  const date = DATE.exec(input);
  if (date) {
    return calendarInstant(Number(date[1]), Number(date[2]), Number(date[3]), 0, 0, 0, 'Z');
  }
  const dateTime = DATE_TIME.exec(input);
  if (dateTime) {
    const [, year, month, day, hour, minute, second, zone] = dateTime;
    return calendarInstant(
      Number(year),
      Number(month),
      Number(day),
      Number(hour),
      Number(minute),
      Number(second ?? 0),
      zone ?? 'Z',
    );
  }
  return undefined;
}

function calendarInstant(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  zone: string,
): number | string {
  const utc = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const valid =
    utc.getUTCFullYear() === year &&
    utc.getUTCMonth() === month - 1 &&
    utc.getUTCDate() === day &&
    utc.getUTCHours() === hour &&
    utc.getUTCMinutes() === minute &&
    utc.getUTCSeconds() === second;
  if (!valid) {
    return `${year}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)} is not a real date and time.`;
  }
  return utc.getTime() - zoneOffsetMs(zone);
}

function zoneOffsetMs(zone: string): number {
  if (zone.toUpperCase() === 'Z') {
    return 0;
  }
  const sign = zone.startsWith('-') ? -1 : 1;
  const [hours, minutes] = zone.slice(1).split(':').map(Number);
  return sign * ((hours ?? 0) * 60 + (minutes ?? 0)) * MINUTE;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
