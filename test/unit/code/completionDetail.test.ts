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
