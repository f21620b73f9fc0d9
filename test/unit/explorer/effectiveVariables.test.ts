import * as assert from 'node:assert/strict';
import { effectiveVariables, namespacesOf } from '../../../src/core/explorer/effectiveVariables';
import { DAY, NOW } from './support/fakeFluxbase';
import { summary } from './support/secrets';

describe('effectiveVariables', () => {
  it('gives a function the global secrets plus those of its namespace, not those of other namespaces', () => {
    const result = effectiveVariables(
      [
        summary({ name: 'GLOBAL_ONE' }),
        summary({ name: 'MINE', namespace: 'ns' }),
        summary({ name: 'OTHER', namespace: 'x' }),
      ],
      'ns',
      NOW,
    );
    assert.deepEqual(
      result.map((variable) => variable.variable),
      ['FLUXBASE_SECRET_GLOBAL_ONE', 'FLUXBASE_SECRET_MINE'],
    );
  });

  it('lets the namespace secret win over a global one with the same variable and marks the override', () => {
    const global = summary({ name: 'stripe_key' });
    const local = summary({ name: 'STRIPE_KEY', namespace: 'payments' });
    const [variable] = effectiveVariables([global, local], 'payments', NOW);
    assert.equal(variable?.variable, 'FLUXBASE_SECRET_STRIPE_KEY');
    assert.equal(variable?.secret, local);
    assert.equal(variable?.overrides, global);
  });

  it('leaves expired secrets out, so an expired namespace secret does not hide the global one', () => {
    const global = summary({ name: 'TOKEN' });
    const expiredLocal = summary({
      name: 'TOKEN',
      namespace: 'ns',
      expires_at: new Date(NOW - DAY).toISOString(),
      is_expired: true,
    });
    const expiresNow = summary({ name: 'EDGE', expires_at: new Date(NOW).toISOString() });
    const result = effectiveVariables([global, expiredLocal, expiresNow], 'ns', NOW);
    assert.deepEqual(
      result.map((variable) => [variable.variable, variable.secret]),
      [['FLUXBASE_SECRET_TOKEN', global]],
    );
    assert.equal(result[0]?.overrides, undefined);
  });

  it('uses a name starting with FLUXBASE_ unchanged as the variable', () => {
    const [variable] = effectiveVariables([summary({ name: 'FLUXBASE_CUSTOM' })], 'default', NOW);
    assert.equal(variable?.variable, 'FLUXBASE_CUSTOM');
  });

  it('flags names of one scope that differ only in case as ambiguous', () => {
    const [variable] = effectiveVariables([summary({ name: 'api_key' }), summary({ name: 'API_KEY' })], 'default', NOW);
    assert.equal(variable?.secret.name, 'API_KEY');
    assert.deepEqual(
      variable?.ambiguousWith.map((secret) => secret.name),
      ['api_key'],
    );
  });

  it('lists the namespaces in use, sorted and without repeats', () => {
    assert.deepEqual(
      namespacesOf([
        summary({ name: 'a', namespace: 'zeta' }),
        summary({ name: 'b', namespace: 'Alpha' }),
        summary({ name: 'c', namespace: 'zeta' }),
        summary({ name: 'g' }),
      ]),
      ['Alpha', 'zeta'],
    );
  });
});
