const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

const UNITS: readonly { size: number; name: string }[] = [
  { size: YEAR, name: 'year' },
  { size: MONTH, name: 'month' },
  { size: DAY, name: 'day' },
  { size: HOUR, name: 'hour' },
  { size: MINUTE, name: 'minute' },
];

/**
 * Describes `date` relative to `now` in plain English: "just now" within
 * 45 seconds either way, else "3 hours ago" or "in 2 days" with the largest
 * unit it fills, rounded (a month is 30 days, a year 365). Deterministic, so that the
 * page reads the same on every machine.
 */
export function formatRelativeTime(date: Date, now: Date): string {
  const delta = date.getTime() - now.getTime();
  const distance = Math.abs(delta);
  if (distance < 45 * SECOND) {
    return 'just now';
  }
  const unit = UNITS.find((candidate) => distance >= candidate.size) ?? { size: SECOND, name: 'second' };
  // past times floor ("1 day ago" until two full days have passed); future ones round, so that a
  // secret set to expire in 30 days still reads "in 30 days" a moment later
  const exact = distance / unit.size;
  const count = Math.max(1, delta < 0 ? Math.floor(exact) : Math.round(exact));
  const amount = `${count} ${unit.name}${count === 1 ? '' : 's'}`;
  return delta < 0 ? `${amount} ago` : `in ${amount}`;
}

/** The exact time as tooltips and picks write it, to the minute in UTC: `2026-12-31 18:00 UTC`. */
export function utcMinuteText(date: Date): string {
  return date.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

/** `2026-12-31 18:00 UTC (in 3 days)` for an ISO instant; undefined when `iso` is not a time. */
export function exactAndRelativeText(iso: string, now: Date): string | undefined {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) {
    return undefined;
  }
  return `${utcMinuteText(new Date(time))} (${formatRelativeTime(new Date(time), now)})`;
}

/** The exact time in the person's locale and zone, with seconds and the zone name (the history page's). */
export function formatExactTime(date: Date): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'long' }).format(date);
}
