import * as assert from 'node:assert/strict';
import { parseExpiryInput } from '../../../src/shared/expiryInput';
import { DAY, NOW } from '../explorer/support/fakeFluxbase';

const HOUR = 60 * 60 * 1000;

function at(text: string): string {
  const parsed = parseExpiryInput(text, NOW);
  assert.equal(parsed.kind, 'at', `${text}: ${JSON.stringify(parsed)}`);
  return parsed.kind === 'at' ? parsed.expiresAt : '';
}

function invalid(text: string): string {
  const parsed = parseExpiryInput(text, NOW);
  assert.equal(parsed.kind, 'invalid', text);
  return parsed.kind === 'invalid' ? parsed.message : '';
}

describe('parseExpiryInput', () => {
  it('reads durations in minutes, hours, days, weeks of 7 days and years of 365 days', () => {
    assert.equal(at('30d'), new Date(NOW + 30 * DAY).toISOString());
    assert.equal(at('12h'), new Date(NOW + 12 * HOUR).toISOString());
    assert.equal(at('1w'), new Date(NOW + 7 * DAY).toISOString());
    assert.equal(at('1y'), new Date(NOW + 365 * DAY).toISOString());
    assert.equal(at('45m'), new Date(NOW + 45 * 60 * 1000).toISOString());
    assert.equal(at(' 2D '), new Date(NOW + 2 * DAY).toISOString());
  });

  it('reads an ISO date as midnight UTC and a date-time in UTC unless it names a zone', () => {
    assert.equal(at('2026-12-31'), '2026-12-31T00:00:00.000Z');
    assert.equal(at('2026-12-31T18:00'), '2026-12-31T18:00:00.000Z');
    assert.equal(at('2026-12-31T18:00:30Z'), '2026-12-31T18:00:30.000Z');
    assert.equal(at('2026-12-31T18:00+02:00'), '2026-12-31T16:00:00.000Z');
    assert.equal(at('2026-12-31T18:00:00.123-05:30'), '2026-12-31T23:30:00.000Z');
  });

  it('treats empty, none and never as no expiry', () => {
    for (const text of ['', '  ', 'none', 'Never']) {
      assert.deepEqual(parseExpiryInput(text, NOW), { kind: 'none' }, text);
    }
  });

  it('explains what it accepts when the text is not an expiry', () => {
    for (const text of ['tomorrow', '30', 'd30', '30 days', '1.5d', '12/31/2026']) {
      assert.match(invalid(text), /is not an expiry\. Use a duration \(30m, 12h, 30d, 1w, 1y\)/, text);
    }
  });

  it('refuses impossible dates, zero durations, the past and absurd durations', () => {
    assert.match(invalid('2026-02-30'), /not a real date/);
    assert.match(invalid('2026-13-01'), /not a real date/);
    assert.match(invalid('2026-01-01T25:00'), /not a real date/);
    assert.match(invalid('0d'), /longer than zero/);
    assert.match(invalid('2025-06-01'), /not in the future/);
    assert.match(invalid('2026-01-01'), /not in the future/, 'now itself is not in the future');
    assert.match(invalid('101y'), /more than 100 years/);
  });
});
