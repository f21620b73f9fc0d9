import * as assert from 'node:assert/strict';
import { expiryPreview } from '../../../src/shared/expiryPreview';

const NOW = Date.parse('2026-01-01T00:00:00.000Z');

describe('expiryPreview', () => {
  it('shows the resulting time in the person’s zone and in UTC, and how far away it is', () => {
    // ICU puts a narrow no-break space before AM/PM in some versions: \s takes either
    const tokyo = expiryPreview('90d', NOW, { timeZone: 'Asia/Tokyo', locale: 'en-US' });
    assert.equal(tokyo.severity, 'info');
    assert.match(tokyo.message, /^Expires Apr 1, 2026, 9:00\sAM your time · 2026-04-01 00:00 UTC · in 3 months$/);
    assert.match(
      expiryPreview('2026-06-30T18:30-04:00', NOW, { timeZone: 'America/New_York', locale: 'en-US' }).message,
      /^Expires Jun 30, 2026, 6:30\sPM your time · 2026-06-30 22:30 UTC · in 6 months$/,
    );
    assert.match(
      expiryPreview('12h', NOW, { timeZone: 'UTC', locale: 'en-US' }).message,
      /^Expires Jan 1, 2026, 12:00\sPM your time · 2026-01-01 12:00 UTC · in 12 hours$/,
    );
  });

  it('says "No expiry" for an empty answer', () => {
    assert.deepEqual(expiryPreview('  ', NOW), { severity: 'info', message: 'No expiry: the secret never expires' });
  });

  it('refuses a time in the past, and a form it cannot read, as errors', () => {
    const past = expiryPreview('2025-06-01', NOW);
    assert.equal(past.severity, 'error');
    assert.match(past.message, /^2025-06-01T00:00:00\.000Z is not in the future: .*Choose a later time\.$/);
    assert.equal(expiryPreview('tomorrow-ish', NOW).severity, 'error');
  });
});
