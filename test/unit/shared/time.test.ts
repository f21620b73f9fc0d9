import * as assert from 'node:assert/strict';
import { formatRelativeTime } from '../../../src/shared/time';

const now = new Date('2026-05-01T12:00:00Z');

function at(offsetMs: number): Date {
  return new Date(now.getTime() + offsetMs);
}

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;

describe('formatRelativeTime', () => {
  const cases: [number, string][] = [
    [0, 'just now'],
    [-44 * second, 'just now'],
    [44 * second, 'just now'],
    [-50 * second, '50 seconds ago'],
    [-1 * minute, '1 minute ago'],
    [-59 * minute, '59 minutes ago'],
    [-1 * hour, '1 hour ago'],
    [-23 * hour - 59 * minute, '23 hours ago'],
    [-1 * day, '1 day ago'],
    [-29 * day, '29 days ago'],
    [-30 * day, '1 month ago'],
    [-364 * day, '12 months ago'],
    [-365 * day, '1 year ago'],
    [-800 * day, '2 years ago'],
    [2 * hour, 'in 2 hours'],
    [3 * day + hour, 'in 3 days'],
    [1 * minute, 'in 1 minute'],
    // a future time rounds: an expiry set to 30 days reads "in 30 days" a moment later, not "in 29 days"
    [30 * day - 5 * second, 'in 30 days'],
    [29 * day + 20 * hour, 'in 30 days'],
    [2 * day + 13 * hour, 'in 3 days'],
  ];
  for (const [offset, expected] of cases) {
    it(`says "${expected}" for ${offset / 1000} s from now`, () => {
      assert.equal(formatRelativeTime(at(offset), now), expected);
    });
  }
});
