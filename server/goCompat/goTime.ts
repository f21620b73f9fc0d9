/**
 * Time values the way upstream's Go code reads and writes them (contract
 * §1.0 "Time values"): RFC 3339 input as `time.Time.UnmarshalJSON` accepts it,
 * RFC 3339 output with nanoseconds and trailing zeros trimmed.
 *
 * Stored instants are fixed-width UTC text with microseconds
 * (`YYYY-MM-DDTHH:MM:SS.ffffffZ`), so that SQLite compares them as text in
 * time order. Only UTC years 0000–9999 fit that form (and Go's JSON encoder
 * refuses any other year), so instants outside it are rejected on input.
 */

/** An instant as parsed from RFC 3339 text, with the offset it was written in. */
export interface GoTime {
  /** Whole seconds since the Unix epoch (UTC). */
  readonly unixSeconds: number;
  /** 0..999,999,999 */
  readonly nanos: number;
  /** The zone offset of the input, in seconds east of UTC. */
  readonly offsetSeconds: number;
}

const SECONDS_PER_DAY = 86400;
const MICROS_PER_SECOND = 1_000_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return [year, month, day];
}

function isLeap(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function daysIn(month: number, year: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function digitAt(s: string, i: number): number {
  const code = s.charCodeAt(i);
  return code >= 0x30 && code <= 0x39 ? code - 0x30 : -1;
}

/** Reads `count` digits at `i`, or -1 when any is missing. */
function fixedNumber(s: string, i: number, count: number): number {
  let value = 0;
  for (let k = 0; k < count; k++) {
    const d = digitAt(s, i + k);
    if (d < 0) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * Parses RFC 3339 text as Go's `time.Time.UnmarshalJSON` does: its strict fast
 * path, plus what its fallback `time.Parse(time.RFC3339, …)` also lets
 * through (a one-digit hour, a comma before the fraction, zone offsets up to
 * 24:60). Fractions beyond nanoseconds are truncated. Returns undefined where
 * Go returns an error.
 */
export function parseGoTime(s: string): GoTime | undefined {
  const year = fixedNumber(s, 0, 4);
  if (year < 0 || s[4] !== '-') return undefined;
  const month = fixedNumber(s, 5, 2);
  if (month < 1 || month > 12 || s[7] !== '-') return undefined;
  const day = fixedNumber(s, 8, 2);
  if (day < 1 || day > daysIn(month, year) || s[10] !== 'T') return undefined;
  let i = 11;
  let hour = digitAt(s, i);
  if (hour < 0) return undefined;
  i++;
  const secondHourDigit = digitAt(s, i);
  if (secondHourDigit >= 0) {
    hour = hour * 10 + secondHourDigit;
    i++;
  }
  if (hour > 23 || s[i] !== ':') return undefined;
  const minute = fixedNumber(s, i + 1, 2);
  if (minute < 0 || minute > 59 || s[i + 3] !== ':') return undefined;
  const second = fixedNumber(s, i + 4, 2);
  if (second < 0 || second > 59) return undefined;
  i += 6;

  let nanos = 0;
  if ((s[i] === '.' || s[i] === ',') && digitAt(s, i + 1) >= 0) {
    let end = i + 1;
    while (digitAt(s, end) >= 0) end++;
    const digits = s.slice(i + 1, Math.min(end, i + 10));
    nanos = Number(digits.padEnd(9, '0'));
    i = end;
  }

  let offsetSeconds = 0;
  const zone = s.slice(i);
  if (zone !== 'Z') {
    if (zone.length !== 6 || (zone[0] !== '+' && zone[0] !== '-') || zone[3] !== ':') return undefined;
    const offsetHours = fixedNumber(zone, 1, 2);
    const offsetMinutes = fixedNumber(zone, 4, 2);
    if (offsetHours < 0 || offsetMinutes < 0 || offsetHours > 24 || offsetMinutes > 60) return undefined;
    offsetSeconds = (offsetHours * 60 + offsetMinutes) * 60 * (zone[0] === '-' ? -1 : 1);
  }

  const localSeconds = daysFromCivil(year, month, day) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second;
  return { unixSeconds: localSeconds - offsetSeconds, nanos, offsetSeconds };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function civilText(unixSeconds: number): string {
  const days = Math.floor(unixSeconds / SECONDS_PER_DAY);
  const secondOfDay = unixSeconds - days * SECONDS_PER_DAY;
  const [year, month, day] = civilFromDays(days);
  const hour = Math.floor(secondOfDay / 3600);
  const minute = Math.floor((secondOfDay % 3600) / 60);
  const second = secondOfDay % 60;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}`;
}

function trimmedFraction(digits: string): string {
  const trimmed = digits.replace(/0+$/, '');
  return trimmed === '' ? '' : '.' + trimmed;
}

/** Formats like Go's `time.Time.MarshalJSON` in the time's own offset (RFC 3339, nanoseconds, zeros trimmed). */
export function formatGoTime(time: GoTime): string {
  let zone = 'Z';
  if (time.offsetSeconds !== 0) {
    const totalMinutes = Math.trunc(Math.abs(time.offsetSeconds) / 60);
    const sign = time.offsetSeconds < 0 ? '-' : '+';
    zone = `${sign}${pad(Math.trunc(totalMinutes / 60), 2)}:${pad(totalMinutes % 60, 2)}`;
  }
  return civilText(time.unixSeconds + time.offsetSeconds) + trimmedFraction(pad(time.nanos, 9)) + zone;
}

/** Earliest and latest instants the stored form can hold: UTC years 0000 to 9999. */
const MIN_STORABLE_SECONDS = daysFromCivil(0, 1, 1) * SECONDS_PER_DAY;
const MAX_STORABLE_SECONDS = daysFromCivil(10000, 1, 1) * SECONDS_PER_DAY - 1;

/** True when the instant's UTC year is within 0000–9999. */
export function isStorable(time: GoTime): boolean {
  return time.unixSeconds >= MIN_STORABLE_SECONDS && time.unixSeconds <= MAX_STORABLE_SECONDS;
}

/**
 * The stored form of an instant, truncated to microseconds as Postgres (via
 * pgx) stores it.
 */
export function toStoredTime(time: GoTime): string {
  return civilText(time.unixSeconds) + '.' + pad(Math.floor(time.nanos / 1000), 6) + 'Z';
}

/** The stored form of a count of microseconds since the Unix epoch. */
export function storedTimeFromMicros(micros: number): string {
  const seconds = Math.floor(micros / MICROS_PER_SECOND);
  return civilText(seconds) + '.' + pad(micros - seconds * MICROS_PER_SECOND, 6) + 'Z';
}

/** Turns a stored instant into the text Go would send for it (UTC, zeros trimmed). */
export function storedTimeToJson(stored: string): string {
  // stored: YYYY-MM-DDTHH:MM:SS.ffffffZ
  let end = 26;
  while (end > 20 && stored.charCodeAt(end - 1) === 0x30) end--;
  return end === 20 ? stored.slice(0, 19) + 'Z' : stored.slice(0, end) + 'Z';
}

/** Microseconds since the Unix epoch of a stored instant (approximate beyond 2^53 µs, i.e. after year 2255). */
export function microsFromStoredTime(stored: string): number {
  const days = daysFromCivil(Number(stored.slice(0, 4)), Number(stored.slice(5, 7)), Number(stored.slice(8, 10)));
  const seconds =
    days * SECONDS_PER_DAY +
    Number(stored.slice(11, 13)) * 3600 +
    Number(stored.slice(14, 16)) * 60 +
    Number(stored.slice(17, 19));
  return seconds * MICROS_PER_SECOND + Number(stored.slice(20, 26));
}
