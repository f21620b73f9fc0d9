import * as assert from 'node:assert/strict';
import { compareColumnOptions } from '../../../src/core/compare/compareColumnChoice';
import { summary } from '../explorer/support/secrets';

const connections = [
  {
    id: 'p',
    name: 'prod',
    secrets: [
      summary({ name: 'A' }),
      summary({ name: 'B', namespace: 'web' }),
      summary({ name: 'C', namespace: 'api' }),
    ],
  },
  { id: 's', name: 'staging', secrets: [] },
];

describe('compare column choice', () => {
  it('offers Global, each namespace and what a function in each namespace sees, per connection', () => {
    assert.deepEqual(
      compareColumnOptions(connections).map((option) => option.label),
      [
        'prod · Global',
        'prod · api',
        'prod · web',
        'prod · functions in api',
        'prod · functions in web',
        'staging · Global',
      ],
    );
    assert.deepEqual(compareColumnOptions(connections)[3]?.spec, {
      connectionId: 'p',
      scope: { kind: 'function', namespace: 'api' },
    });
  });

  it('ticks the Global column of the connection the command was run on, and only it', () => {
    assert.deepEqual(
      compareColumnOptions(connections, { connectionId: 's', namespaces: false })
        .filter((option) => option.picked)
        .map((option) => option.spec),
      [{ connectionId: 's', scope: { kind: 'global' } }],
    );
    assert.equal(
      compareColumnOptions(connections).some((option) => option.picked),
      false,
    );
  });

  it("from a Namespaces row, ticks that connection's Global and each of its namespaces, not the function columns", () => {
    assert.deepEqual(
      compareColumnOptions(connections, { connectionId: 'p', namespaces: true })
        .filter((option) => option.picked)
        .map((option) => option.label),
      ['prod · Global', 'prod · api', 'prod · web'],
    );
  });
});
