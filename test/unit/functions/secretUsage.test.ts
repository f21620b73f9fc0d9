import * as assert from 'node:assert/strict';
import { codeReaders } from '../../../src/core/functions/secretUsage';
import { createSecretFix } from '../../../src/core/functions/functionTargets';
import { secretTooltip } from '../../../src/core/explorer/secretTooltip';
import { buildHistoryView } from '../../../src/core/history/historyView';
import type { CodeReaderView } from '../../../src/shared/secretUsage';
import { CHARGE, contextOf } from './functionFixtures';
import { stripeSecret } from '../history/historyFixtures';
import { summary } from '../explorer/support/secrets';

describe('Where each secret is used: readers, tooltip, history view', () => {
  it('groups the files of one function or job, keeps shared modules and other files apart, functions first', () => {
    const readers = codeReaders([
      { path: 'scripts/seed.ts', count: 1, unit: { kind: 'none' } },
      { path: 'fluxbase/jobs/cleanup.ts', count: 1, unit: { kind: 'job', name: 'cleanup', form: 'flat', root: 'x' } },
      {
        path: 'fluxbase/functions/_shared/db.ts',
        count: 2,
        unit: { kind: 'shared', resource: 'functions', importers: [CHARGE] },
      },
      { path: 'fluxbase/functions/pay/index.ts', count: 1, unit: { ...CHARGE, name: 'pay', form: 'index' } },
      { path: 'fluxbase/functions/pay/util.ts', count: 3, unit: { ...CHARGE, name: 'pay', form: 'index' } },
      { path: 'fluxbase/functions/charge-customer.ts', count: 1, unit: CHARGE },
    ]);
    assert.deepEqual(readers, [
      { kind: 'function', name: 'charge-customer', path: 'fluxbase/functions/charge-customer.ts', references: 1 },
      { kind: 'function', name: 'pay', path: 'fluxbase/functions/pay/index.ts', references: 4 },
      { kind: 'job', name: 'cleanup', path: 'fluxbase/jobs/cleanup.ts', references: 1 },
      {
        kind: 'shared',
        name: 'fluxbase/functions/_shared/db.ts',
        path: 'fluxbase/functions/_shared/db.ts',
        references: 2,
      },
      { kind: 'file', name: 'scripts/seed.ts', path: 'scripts/seed.ts', references: 1 },
    ]);
  });

  describe('the tooltip of a secret', () => {
    const secret = summary({ name: 'STRIPE_KEY' });
    const ref = { connectionId: 'c', id: secret.id, name: secret.name, scope: 'global' as const };
    const tooltip = (usage?: Parameters<typeof secretTooltip>[0]['usage']) =>
      secretTooltip({
        ref,
        secret,
        expiry: 'active',
        overrides: [],
        overriddenIn: [],
        now: 0,
        ...(usage ? { usage } : {}),
      });

    it('lists the functions and jobs that read it, hostile names escaped in code spans', () => {
      const text = tooltip({
        indexed: true,
        readers: [
          { kind: 'function', name: 'charge-customer', path: 'a.ts', references: 1 },
          { kind: 'job', name: 'x`](command:evil)\n# y', path: 'b.ts', references: 1 },
        ],
      });
      assert.match(text, /Read in this workspace by function `charge-customer`, job ``x`\]\(command:evil\) # y``\./);
      assert.ok(!text.includes('\n# y'), 'a name cannot start a block');
    });

    it('says "No reference in this workspace" in words when nothing reads it, and nothing while indexing', () => {
      assert.match(tooltip({ indexed: true, readers: [] }), /\*\*No reference in this workspace\.\*\*/);
      assert.doesNotMatch(tooltip({ indexed: false }), /reference|Read in/);
      assert.doesNotMatch(tooltip(), /reference|Read in/);
    });

    it('lists eight readers, then how many more', () => {
      const readers: CodeReaderView[] = Array.from({ length: 11 }, (_, i) => ({
        kind: 'file',
        name: `f${i}.ts`,
        path: `f${i}.ts`,
        references: 1,
      }));
      const text = tooltip({ indexed: true, readers });
      assert.match(text, /file `f7\.ts` and 3 more\./);
      assert.doesNotMatch(text, /f8\.ts/);
    });
  });

  it('the history view carries the usage it is given, and none without', () => {
    const usage = { indexed: true as const, readers: [] };
    const options = { now: new Date('2026-05-01T12:00:00Z'), formatExactTime: (d: Date) => d.toISOString() };
    assert.deepEqual(buildHistoryView(stripeSecret(), [], { ...options, usage }).usage, usage);
    assert.equal('usage' in buildHistoryView(stripeSecret(), [], options), false);
  });

  describe('the "Create secret NAME…" quick fix', () => {
    /** The connections configured, as the naming rule counts them. */
    const ONE_CONNECTION = { list: () => ['Local'] };
    it('in a function deployed (or declared) in billing: creates in billing, the scope question skipped', () => {
      for (const source of ['deployed', 'declared'] as const) {
        assert.deepEqual(createSecretFix('SLACK', contextOf([['billing', source]]), ONE_CONNECTION), {
          title: 'Create secret SLACK in namespace billing…',
          argument: {
            name: 'SLACK',
            connectionId: 'local',
            scope: 'namespace',
            namespace: 'billing',
            origin: 'function',
          },
        });
      }
    });

    it('asks the scope outside functions, for the default fallback, several namespaces or connections, and ""', () => {
      const plain = { title: 'Create secret SLACK…', argument: { name: 'SLACK', origin: 'quickFix' } };
      assert.deepEqual(createSecretFix('SLACK', undefined, ONE_CONNECTION), plain);
      assert.deepEqual(createSecretFix('SLACK', contextOf([['default', 'default']]), ONE_CONNECTION), plain);
      assert.deepEqual(createSecretFix('SLACK', contextOf(['billing', 'notifications']), ONE_CONNECTION), plain);
      assert.deepEqual(createSecretFix('SLACK', contextOf(['']), ONE_CONNECTION), plain);
      const two = contextOf(['billing'], CHARGE, [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ]);
      assert.deepEqual(createSecretFix('SLACK', two, ONE_CONNECTION), plain);
    });
  });
});
