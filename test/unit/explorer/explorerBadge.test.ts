import * as assert from 'node:assert/strict';
import { explorerBadge } from '../../../src/core/explorer/explorerBadge';
import { computeStats } from '../../../src/core/explorer/secretStats';
import type { ConnectionState } from '../../../src/core/explorer/secretsStore';
import { DAY, NOW } from './support/fakeFluxbase';
import { readyState, summary } from './support/secrets';

/** A ready connection on `url` holding `secrets`, with the stats the store computes. */
function onServer(id: string, url: string, secrets = readyState([]).secrets): ConnectionState {
  return { ...readyState([...secrets], id, id), url, stats: computeStats(secrets, NOW) };
}

describe('explorerBadge', () => {
  it('counts expired plus expiring secrets over connections on different servers', () => {
    const a = { ...onServer('a', 'https://a.example.com'), stats: { total: 4, expiring_soon: 1, expired: 2 } };
    const b = { ...onServer('b', 'https://b.example.com'), stats: { total: 1, expiring_soon: 1, expired: 0 } };
    assert.deepEqual(explorerBadge([a, b], NOW), {
      value: 4,
      tooltip: '2 secrets expired, 2 expiring within 7 days',
    });
  });

  it('counts each secret once when two connections point at the same server', () => {
    const secrets = [
      summary({ name: 'OLD', expires_at: new Date(NOW - DAY).toISOString(), is_expired: true }),
      summary({ name: 'SOON', expires_at: new Date(NOW + 2 * DAY).toISOString() }),
      summary({ name: 'FINE' }),
    ];
    const prod = onServer('prod', 'https://fluxbase.example.com', secrets);
    const alias = onServer('prod-admin', 'https://fluxbase.example.com', secrets);
    const other = onServer('staging', 'https://staging.example.com', [
      summary({ name: 'SOON', expires_at: new Date(NOW + DAY).toISOString() }),
    ]);
    assert.deepEqual(explorerBadge([prod, alias, other], NOW), {
      value: 3,
      tooltip: '1 secret expired, 2 expiring within 7 days',
    });
  });

  it('counts the secrets of a shared server that only one of its connections has listed', () => {
    const secrets = [summary({ name: 'OLD', expires_at: new Date(NOW - DAY).toISOString(), is_expired: true })];
    const listed = onServer('prod', 'https://fluxbase.example.com', secrets);
    const signedOut: ConnectionState = {
      ...onServer('alias', 'https://fluxbase.example.com'),
      status: 'signedOut',
      stats: undefined,
    };
    assert.equal(explorerBadge([listed, signedOut], NOW)?.value, 1);
  });

  it('shows no badge when nothing is expired or expiring', () => {
    assert.equal(explorerBadge([readyState([])], NOW), undefined);
    assert.equal(explorerBadge([{ ...readyState([]), status: 'signedOut', stats: undefined }], NOW), undefined);
  });
});
