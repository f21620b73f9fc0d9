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
