import * as assert from 'node:assert/strict';
import {
  buildCompareRows,
  compareColumnTitle,
  filterCompareRows,
  type CompareColumn,
  type CompareRow,
} from '../../../src/core/compare/compareModel';
import { DAY, NOW } from '../explorer/support/fakeFluxbase';
import { summary } from '../explorer/support/secrets';

const prodSecrets = [
  summary({ name: 'STRIPE_API_KEY', version: 4 }),
  summary({ name: 'DB_URL' }),
  summary({ name: 'DB_URL', namespace: 'payments', version: 2 }),
  summary({ name: 'OLD_TOKEN', expires_at: new Date(NOW - DAY).toISOString(), is_expired: true }),
];
const stagingSecrets = [
  summary({ name: 'DB_URL' }),
  summary({ name: 'OLD_TOKEN', expires_at: new Date(NOW + 60 * DAY).toISOString() }),
];

const column = (
  connectionName: string,
  scope: CompareColumn['scope'],
  secrets: CompareColumn['secrets'],
): CompareColumn => ({ connectionId: connectionName, connectionName, scope, secrets });

function table(rows: readonly CompareRow[]): string[][] {
  return rows.map((row) => [
    row.variable,
    ...row.cells.map((cell) =>
      cell.kind === 'missing'
        ? 'missing'
        : `v${cell.version}${cell.expiry === 'active' ? '' : ` ${cell.expiry}`}${cell.override ? ' override' : ''}`,
    ),
  ]);
}

describe('compare model', () => {
  it('one row per variable name, sorted, with a cell per column: present with version and expiry, or missing', () => {
    const rows = buildCompareRows(
      [column('prod', { kind: 'global' }, prodSecrets), column('staging', { kind: 'global' }, stagingSecrets)],
      NOW,
    );
    assert.deepEqual(table(rows), [
      ['FLUXBASE_SECRET_DB_URL', 'v1', 'v1'],
      ['FLUXBASE_SECRET_OLD_TOKEN', 'v1 expired', 'v1'],
      ['FLUXBASE_SECRET_STRIPE_API_KEY', 'v4', 'missing'],
    ]);
    const present = rows[0]!.cells[0]!;
    assert.equal(present.kind === 'present' && present.updated, '1 day ago');
  });

  it('a namespace column holds only that namespace', () => {
    const rows = buildCompareRows([column('prod', { kind: 'namespace', namespace: 'payments' }, prodSecrets)], NOW);
    assert.deepEqual(table(rows), [['FLUXBASE_SECRET_DB_URL', 'v2']]);
  });

  it('a function column is global plus the namespace with overrides applied and expired secrets left out', () => {
    const rows = buildCompareRows(
      [
        column('prod', { kind: 'function', namespace: 'payments' }, prodSecrets),
        column('staging', { kind: 'function', namespace: 'payments' }, stagingSecrets),
      ],
      NOW,
    );
    assert.deepEqual(table(rows), [
      ['FLUXBASE_SECRET_DB_URL', 'v2 override', 'v1'],
      ['FLUXBASE_SECRET_OLD_TOKEN', 'missing', 'v1'],
      ['FLUXBASE_SECRET_STRIPE_API_KEY', 'v4', 'missing'],
    ]);
  });

  it('filters only differences (missing, expiry or override differ) and only missing', () => {
    const rows = buildCompareRows(
      [column('prod', { kind: 'global' }, prodSecrets), column('staging', { kind: 'global' }, stagingSecrets)],
      NOW,
    );
    assert.deepEqual(
      filterCompareRows(rows, 'differences').map((row) => row.variable),
      ['FLUXBASE_SECRET_OLD_TOKEN', 'FLUXBASE_SECRET_STRIPE_API_KEY'],
    );
    assert.deepEqual(
      filterCompareRows(rows, 'missing').map((row) => row.variable),
      ['FLUXBASE_SECRET_STRIPE_API_KEY'],
    );
    assert.equal(filterCompareRows(rows, 'all').length, 3);
  });

  it('names columns by connection and scope', () => {
    assert.equal(compareColumnTitle({ connectionName: 'prod', scope: { kind: 'global' } }), 'prod · Global');
    assert.equal(
      compareColumnTitle({ connectionName: 'staging', scope: { kind: 'namespace', namespace: 'payments' } }),
      'staging · payments',
    );
    assert.equal(
      compareColumnTitle({ connectionName: 'prod', scope: { kind: 'function', namespace: 'payments' } }),
      'prod · functions in payments',
    );
  });

  it('compares 5,000 names in 4 columns into 5,000 rows', () => {
    const many = Array.from({ length: 5000 }, (_, index) => summary({ name: `KEY_${index}` }));
    const rows = buildCompareRows(
      [
        column('a', { kind: 'global' }, many),
        column('b', { kind: 'global' }, many.slice(1)),
        column('c', { kind: 'function', namespace: 'x' }, many),
        column('d', { kind: 'namespace', namespace: 'x' }, many),
      ],
      NOW,
    );
    assert.equal(rows.length, 5000);
    assert.equal(filterCompareRows(rows, 'missing').length, 5000, 'column d (a namespace) has none of them');
    assert.equal(rows.filter((row) => row.cells[1]!.kind === 'missing').length, 1);
  });
});
