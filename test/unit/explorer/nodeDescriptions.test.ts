import * as assert from 'node:assert/strict';
import { connectionTooltip, secretDescription, statsDescription } from '../../../src/core/explorer/nodeDescriptions';
import { secretTooltip } from '../../../src/core/explorer/secretTooltip';
import { secretRefOf } from '../../../src/core/explorer/secretRef';
import { DAY, NOW } from './support/fakeFluxbase';
import { summary } from './support/secrets';

const now = new Date(NOW);

describe('tree descriptions at the default sidebar width', () => {
  it('puts an expired or expiring state before the version, and the rest after it', () => {
    const expired = { version: 3, expires_at: new Date(NOW - DAY).toISOString() };
    const soon = { version: 2, expires_at: new Date(NOW + 5 * DAY).toISOString() };
    const later = { version: 1, expires_at: new Date(NOW + 60 * DAY).toISOString() };
    assert.equal(secretDescription(expired, 'expired', false, now), 'expired · v3');
    assert.equal(secretDescription(soon, 'expiring', true, now), 'expires in 5 days · v2 · overrides global');
    assert.equal(secretDescription(later, 'active', false, now), 'v1 · expires in 2 months');
    assert.equal(secretDescription({ version: 4 }, 'active', true, now), 'v4 · overrides global');
  });

  it('counts a connection as "7 · 1 expired · 1 expiring", and plainly when nothing is wrong', () => {
    assert.equal(statsDescription({ total: 7, expired: 1, expiring_soon: 1 }), '7 · 1 expired · 1 expiring');
    assert.equal(statsDescription({ total: 7, expired: 1, expiring_soon: 0 }), '7 · 1 expired');
    assert.equal(statsDescription({ total: 7, expired: 0, expiring_soon: 0 }), '7 secrets');
    assert.equal(statsDescription({ total: 1, expired: 0, expiring_soon: 0 }), '1 secret');
  });

  it('moves the full counts into the connection tooltip', () => {
    assert.equal(
      connectionTooltip({
        name: 'Environment',
        url: 'https://fluxbase.example.com',
        stats: { total: 7, expired: 1, expiring_soon: 1 },
      }),
      'Environment\nhttps://fluxbase.example.com\n7 secrets: 1 expired, 1 expiring within 7 days',
    );
    assert.equal(
      connectionTooltip({ name: 'Prod', url: 'https://x', error: 'connection refused' }),
      'Prod\nhttps://x\nconnection refused',
    );
  });
});

describe('secret tooltip authors and scope', () => {
  const ALICE = '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';
  const BOB = '9b8a7c6d-1111-4222-8333-944455566677';
  const secret = summary({ name: 'A', created_by: ALICE, updated_by: BOB });
  const input = {
    ref: secretRefOf('c', secret),
    secret,
    expiry: 'active' as const,
    overrides: [],
    overriddenIn: [],
    now: NOW,
  };

  it('shows short author ids, never the full UUID', () => {
    const tooltip = secretTooltip(input);
    assert.match(tooltip, /Created: .* by `3f2a9c1e`/);
    assert.match(tooltip, /Updated: .* by `9b8a7c6d`/);
    assert.ok(!tooltip.includes(ALICE) && !tooltip.includes(BOB));
  });

  it('shows "You" for the signed-in user, as the history page does', () => {
    const tooltip = secretTooltip({ ...input, currentUser: { id: ALICE.toUpperCase(), email: 'alice@example.com' } });
    assert.match(tooltip, /Created: .* by You$/m);
    assert.match(tooltip, /Updated: .* by `9b8a7c6d`/);
  });

  it('words the global scope as the history page does', () => {
    assert.match(secretTooltip(input), /- Scope: Global \(all functions\)/);
  });
});
