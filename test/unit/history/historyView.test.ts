import * as assert from 'node:assert/strict';
import { UNKNOWN_AUTHOR } from '../../../src/core/connections/authorView';
import { buildHistoryView, historyPanelTitle } from '../../../src/core/history/historyView';
import { stripeRef, stripeSecret, versionRow } from './historyFixtures';

const options = {
  now: new Date('2026-05-01T12:00:00Z'),
  formatExactTime: (date: Date) => `exact(${date.toISOString()})`,
};

describe('buildHistoryView', () => {
  const versions = [
    versionRow(1, '2026-04-01T12:00:00Z', 'user-1'),
    versionRow(3, '2026-04-30T12:00:00Z'),
    versionRow(2, '2026-04-20T12:00:00Z', 'user-2'),
  ];

  it('orders versions newest first whatever order they came in', () => {
    const view = buildHistoryView(stripeSecret(), versions, options);
    assert.deepEqual(
      view.versions.map((row) => row.version),
      [3, 2, 1],
    );
  });

  it("marks only the secret's current version as current", () => {
    const view = buildHistoryView(stripeSecret({ version: 2 }), versions, options);
    assert.deepEqual(
      view.versions.map((row) => [row.version, row.isCurrent]),
      [
        [3, false],
        [2, true],
        [1, false],
      ],
    );
  });

  it('shows relative and exact creation times from the injected clock', () => {
    const view = buildHistoryView(stripeSecret(), versions, options);
    assert.deepEqual(view.versions[0]?.created, {
      iso: '2026-04-30T12:00:00Z',
      exact: 'exact(2026-04-30T12:00:00.000Z)',
      relative: '1 day ago',
    });
    assert.equal(view.versions[2]?.created.relative, '1 month ago');
  });

  it('shows the author, or a dash when the server recorded none', () => {
    const view = buildHistoryView(stripeSecret(), versions, options);
    assert.deepEqual(
      view.versions.map((row) => [row.author.kind, row.author.label]),
      [
        ['unknown', UNKNOWN_AUTHOR],
        ['user', 'user-2'],
        ['user', 'user-1'],
      ],
    );
    assert.equal(UNKNOWN_AUTHOR, '—');
  });

  it('shows "You" on the versions of the signed-in user, and nobody else', () => {
    const view = buildHistoryView(stripeSecret(), versions, {
      ...options,
      currentUser: { id: 'user-2', email: 'me@example.com' },
    });
    assert.deepEqual(
      view.versions.map((row) => row.author.label),
      [UNKNOWN_AUTHOR, 'You', 'user-1'],
    );
  });

  it('carries name, scope, namespace, variable name, current version, description and updated time', () => {
    const view = buildHistoryView(stripeSecret(), versions, options);
    assert.equal(view.name, 'STRIPE_KEY');
    assert.equal(view.scope, 'namespace');
    assert.equal(view.namespace, 'billing');
    assert.equal(view.variableName, 'FLUXBASE_SECRET_STRIPE_KEY');
    assert.equal(view.currentVersion, 3);
    assert.equal(view.description, 'Payments API key');
    assert.equal(view.updated.relative, '1 day ago');
  });

  it('uses the runtime naming rule for the variable name', () => {
    const view = buildHistoryView(stripeSecret({ name: 'FLUXBASE_CUSTOM' }), [], options);
    assert.equal(view.variableName, 'FLUXBASE_CUSTOM');
    assert.equal(
      buildHistoryView(stripeSecret({ name: 'db_url' }), [], options).variableName,
      'FLUXBASE_SECRET_DB_URL',
    );
  });

  it('describes a future expiry as not expired and a past one as expired', () => {
    const future = buildHistoryView(stripeSecret({ expires_at: '2026-05-10T12:00:00Z' }), [], options);
    assert.deepEqual(future.expires, {
      iso: '2026-05-10T12:00:00Z',
      exact: 'exact(2026-05-10T12:00:00.000Z)',
      relative: 'in 9 days',
      expired: false,
    });
    const past = buildHistoryView(stripeSecret({ expires_at: '2026-04-29T12:00:00Z' }), [], options);
    assert.equal(past.expires?.expired, true);
    assert.equal(past.expires?.relative, '2 days ago');
  });

  it('leaves out namespace, description and expiry that the secret does not have', () => {
    const { namespace: _n, description: _d, expires_at: _e, ...global } = stripeSecret({ scope: 'global' });
    const view = buildHistoryView(global, [], options);
    assert.equal('namespace' in view, false);
    assert.equal('description' in view, false);
    assert.equal('expires' in view, false);
    assert.deepEqual(view.versions, []);
  });

  it('shows a malformed time as sent instead of "Invalid Date"', () => {
    const view = buildHistoryView(stripeSecret(), [versionRow(3, 'yesterday')], options);
    assert.deepEqual(view.versions[0]?.created, { iso: 'yesterday', exact: 'yesterday', relative: 'yesterday' });
  });
});

describe('historyPanelTitle', () => {
  it('names the secret, and its namespace when it has one', () => {
    assert.equal(historyPanelTitle(stripeRef), 'History: STRIPE_KEY (billing)');
    assert.equal(
      historyPanelTitle({ connectionId: 'c', id: 'i', name: 'API_KEY', scope: 'global' }),
      'History: API_KEY',
    );
  });

  it('names the connection when there are several, and only then', () => {
    const prod = { id: 'local', name: 'prod', url: 'https://prod.example.com' };
    const staging = { id: 'staging', name: 'staging', url: 'https://staging.example.com' };
    assert.equal(historyPanelTitle(stripeRef, [prod, staging]), 'History: STRIPE_KEY (billing) — prod');
    assert.equal(
      historyPanelTitle({ ...stripeRef, connectionId: 'staging' }, [prod, staging]),
      'History: STRIPE_KEY (billing) — staging',
    );
    assert.equal(
      historyPanelTitle({ connectionId: 'local', id: 'i', name: 'API_KEY', scope: 'global' }, [prod, staging]),
      'History: API_KEY — prod',
    );
    assert.equal(historyPanelTitle(stripeRef, [prod]), 'History: STRIPE_KEY (billing)');
  });
});

describe('buildHistoryView connection', () => {
  it('carries the connection name and server URL for the header when given', () => {
    const connection = { name: 'prod', url: 'https://prod.example.com' };
    const view = buildHistoryView(stripeSecret(), [versionRow(1, '2026-04-01T12:00:00Z')], { ...options, connection });
    assert.deepEqual(view.connection, connection);
    assert.equal(buildHistoryView(stripeSecret(), [], options).connection, undefined);
  });
});
