import * as assert from 'node:assert/strict';
import { completionDetail } from '../../../src/core/code/completionDetail';
import { indexByVariable, resolveVariable } from '../../../src/core/code/variableResolution';
import { NOW, daysFromNow, entry } from './catalogFixtures';

function detail(variable: string, entries: ReturnType<typeof entry>[]) {
  return completionDetail(resolveVariable(variable, indexByVariable(entries).get(variable) ?? [], NOW), NOW);
}

describe('completionDetail', () => {
  it('names the scopes, the most urgent expiry and the description', () => {
    assert.equal(
      detail('FLUXBASE_SECRET_K', [
        entry({ name: 'K', description: 'Stripe\nkey' }),
        entry({ name: 'K', scope: 'namespace', namespace: 'b', expires_at: daysFromNow(3) }),
        entry({ name: 'K', scope: 'namespace', namespace: 'a', is_expired: true, expires_at: daysFromNow(-1) }),
      ]),
      'global + namespaces a, b · expired 1 day ago · Stripe key',
    );
  });

  it('names the connections when several provide the variable', () => {
    assert.equal(
      detail('FLUXBASE_SECRET_K', [
        entry({ name: 'K' }, { id: 'a', name: 'Prod' }),
        entry({ name: 'K' }, { id: 'b', name: 'Dev' }),
      ]),
      'global · Prod, Dev',
    );
  });
});

describe('completionDetail with many namespaces', () => {
  it('names the first three namespaces and counts the rest (the hover lists them all)', () => {
    const entries = ['e', 'd', 'c', 'b', 'a'].map((namespace) => entry({ name: 'K', scope: 'namespace', namespace }));
    assert.equal(detail('FLUXBASE_SECRET_K', entries), 'namespaces a, b, c and 2 more');
    assert.equal(detail('FLUXBASE_SECRET_K', entries.slice(2)), 'namespaces a, b, c');
  });
});
