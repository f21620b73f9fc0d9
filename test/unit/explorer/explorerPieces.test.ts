import * as assert from 'node:assert/strict';
import { ExplorerFilter } from '../../../src/core/explorer/explorerFilter';
import { codeSpan, commandLink, escapeMarkdown } from '../../../src/core/markdown';
import { refreshIntervalMs } from '../../../src/core/explorer/refreshInterval';
import { isSecretRef } from '../../../src/shared/secretRef';
import { matchesFilter } from '../../../src/core/explorer/secretFilter';
import { secretTooltip, TOOLTIP_COMMANDS } from '../../../src/core/explorer/secretTooltip';
import { DAY, NOW } from './support/fakeFluxbase';
import { summary } from './support/secrets';

describe('secret tooltip', () => {
  const secret = summary({
    name: 'stripe_key',
    namespace: 'payments',
    description: 'Live *key* [link](http://x)',
    version: 4,
    expires_at: new Date(NOW + 3 * DAY).toISOString(),
    created_at: '2025-12-01T10:00:00Z',
    created_by: 'user-1',
    updated_at: '2025-12-30T10:00:00Z',
  });
  const ref = {
    connectionId: 'c',
    id: secret.id,
    name: secret.name,
    scope: 'namespace' as const,
    namespace: 'payments',
  };
  const tooltip = secretTooltip({ ref, secret, expiry: 'expiring', overrides: [], overriddenIn: [], now: NOW });

  it('has the description, scope, namespace, variable, version, times and author', () => {
    assert.match(tooltip, /\*\*stripe\\_key\*\*/);
    assert.match(tooltip, /Live \\\*key\\\* \\\[link\\\]\\\(http\\:\\\/\\\/x\\\)/, 'user text is escaped');
    assert.match(tooltip, /- Scope: Namespace `payments`/);
    assert.match(tooltip, /- Variable: `FLUXBASE_SECRET_STRIPE_KEY`/);
    assert.match(tooltip, /- Version: 4/);
    assert.match(tooltip, /- Expires: \*\*soon\*\*: 2026-01-04 00:00 UTC \(in 3 days\)/);
    assert.match(tooltip, /- Created: 2025-12-01 10:00 UTC \(1 month ago\) by `user-1`/);
    assert.match(tooltip, /- Updated: 2025-12-30 10:00 UTC \(1 day ago\)$/m);
  });

  it('links only to the commands the host trusts, with the SecretRef as argument', () => {
    const links = [...tooltip.matchAll(/\(command:([\w.]+)\?([^)]*)\)/g)];
    assert.deepEqual(
      links.map((link) => link[1]),
      [...TOOLTIP_COMMANDS],
    );
    assert.deepEqual(JSON.parse(decodeURIComponent(links[0]![2]!)), [ref]);
  });
});

describe('markdown helpers', () => {
  it('escape markdown syntax and keep text on one line', () => {
    assert.equal(escapeMarkdown('a_b *c* `d`\n<e>'), 'a\\_b \\*c\\* \\`d\\` \\<e\\>');
  });

  it('build code spans that hold backticks', () => {
    assert.equal(codeSpan('plain'), '`plain`');
    assert.equal(codeSpan('a`b'), '``a`b``');
    assert.equal(codeSpan('`x'), '`` `x ``');
  });

  it('build command links with encoded JSON arguments', () => {
    assert.equal(commandLink('Go', 'x.y', [{ a: 1 }]), `[Go](command:x.y?${encodeURIComponent('[{"a":1}]')})`);
  });
});

describe('filter', () => {
  it('matches name, variable, description and namespace case-insensitively', () => {
    const secret = summary({ name: 'db-url', namespace: 'Analytics', description: 'Primary Postgres' });
    for (const text of ['DB-URL', 'fluxbase_secret_db', 'postgres', 'analytics', '', '  ']) {
      assert.equal(matchesFilter(secret, text), true, text);
    }
    assert.equal(matchesFilter(secret, 'stripe'), false);
  });

  it('fires a change only when the trimmed text changes', () => {
    const filter = new ExplorerFilter();
    const seen: string[] = [];
    filter.onDidChange((text) => seen.push(text));
    filter.set(' key ');
    filter.set('key');
    filter.set('');
    assert.deepEqual(seen, ['key', '']);
    assert.equal(filter.active, false);
  });
});

describe('refresh interval setting', () => {
  it('is off for 0, negatives and non-numbers, and at least 30 seconds otherwise', () => {
    for (const value of [0, -5, undefined, '60', Number.NaN]) {
      assert.equal(refreshIntervalMs(value), undefined, String(value));
    }
    assert.equal(refreshIntervalMs(5), 30_000);
    assert.equal(refreshIntervalMs(120), 120_000);
  });
});

describe('isSecretRef', () => {
  it('accepts SecretRefs and rejects other shapes', () => {
    assert.equal(isSecretRef({ connectionId: 'c', id: 'i', name: 'n', scope: 'global' }), true);
    assert.equal(isSecretRef({ connectionId: 'c', id: 'i', name: 'n', scope: 'namespace', namespace: 'x' }), true);
    for (const value of [undefined, null, 'x', { connectionId: 'c', id: 'i', name: 'n', scope: 'all' }, { id: 'i' }]) {
      assert.equal(isSecretRef(value), false, JSON.stringify(value));
    }
  });
});
