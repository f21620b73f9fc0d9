import * as assert from 'node:assert/strict';
import { parseEnvFile } from '../../../src/core/code/envFile';
import { planEnvImport, secretNameForEnvKey } from '../../../src/core/code/importPlan';
import { summary } from './catalogFixtures';

describe('secretNameForEnvKey', () => {
  it('drops the FLUXBASE_SECRET_ prefix and keeps any other key as written', () => {
    assert.equal(secretNameForEnvKey('FLUXBASE_SECRET_STRIPE_KEY'), 'STRIPE_KEY');
    assert.equal(secretNameForEnvKey('stripe_key'), 'stripe_key');
    assert.equal(secretNameForEnvKey('FLUXBASE_CUSTOM'), 'FLUXBASE_CUSTOM');
    assert.equal(secretNameForEnvKey('FLUXBASE_SECRET_'), 'FLUXBASE_SECRET_');
  });
});

describe('planEnvImport', () => {
  const existingGlobal = summary({ name: 'EXISTING' });
  const existingInNs = summary({ name: 'IN_NS', scope: 'namespace', namespace: 'ns' });

  it('creates new keys and updates those whose variable an existing secret of the target provides', () => {
    const plan = planEnvImport(
      parseEnvFile('NEW=1\nEXISTING=2\nFLUXBASE_SECRET_EXISTING_TOO=3'),
      [existingGlobal, summary({ name: 'existing_too' })],
      { scope: 'global' },
    );
    assert.deepEqual(
      plan.map((i) => [i.kind, i.kind === 'invalid' ? i.reason : i.name]),
      [
        ['create', 'NEW'],
        ['update', 'EXISTING'],
        ['update', 'existing_too'],
      ],
    );
    const update = plan[1];
    assert.ok(update?.kind === 'update');
    assert.equal(update.secretId, existingGlobal.id);
    assert.equal(update.value, '2');
  });

  it('only matches existing secrets of the chosen scope and namespace', () => {
    const intoNs = planEnvImport(parseEnvFile('EXISTING=1\nIN_NS=2'), [existingGlobal, existingInNs], {
      scope: 'namespace',
      namespace: 'ns',
    });
    assert.deepEqual(
      intoNs.map((i) => i.kind),
      ['create', 'update'],
    );
    const intoGlobal = planEnvImport(parseEnvFile('IN_NS=2'), [existingInNs], { scope: 'global' });
    assert.deepEqual(
      intoGlobal.map((i) => i.kind),
      ['create'],
    );
  });

  it('marks all but the last line that sets a variable as invalid, as dotenv lets the last win', () => {
    const plan = planEnvImport(parseEnvFile('A=1\nFLUXBASE_SECRET_A=2\nA=3'), [], { scope: 'global' });
    assert.deepEqual(
      plan.map((i) => [i.line, i.kind]),
      [
        [0, 'invalid'],
        [1, 'invalid'],
        [2, 'create'],
      ],
    );
    assert.match(plan[0]?.kind === 'invalid' ? plan[0].reason : '', /line 3 sets FLUXBASE_SECRET_A again/);
  });

  it('turns unusable lines into invalid items in line order', () => {
    const plan = planEnvImport(parseEnvFile('A=1\ngarbage\nEMPTY=\nB=2'), [], { scope: 'global' });
    assert.deepEqual(
      plan.map((i) => [i.line, i.kind]),
      [
        [0, 'create'],
        [1, 'invalid'],
        [2, 'invalid'],
        [3, 'create'],
      ],
    );
  });

  it('refuses to guess when several existing secrets provide the variable', () => {
    const plan = planEnvImport(parseEnvFile('KEY=1'), [summary({ name: 'key' }), summary({ name: 'KEY' })], {
      scope: 'global',
    });
    assert.equal(plan[0]?.kind, 'invalid');
  });
});
