import * as assert from 'node:assert/strict';
import { assessReference } from '../../../src/core/code/referenceProblems';
import { indexByVariable, resolveVariable } from '../../../src/core/code/variableResolution';
import { NOW, daysFromNow, entry } from './catalogFixtures';

function assess(variable: string, entries: ReturnType<typeof entry>[], signedIn = 1) {
  return assessReference(resolveVariable(variable, indexByVariable(entries).get(variable) ?? [], NOW), signedIn, NOW);
}

describe('assessReference', () => {
  it('warns about a FLUXBASE_SECRET_ variable that no secret provides', () => {
    const problem = assess('FLUXBASE_SECRET_MISSING', [entry({ name: 'OTHER' })]);
    assert.equal(problem?.code, 'unknownSecret');
    assert.equal(problem?.level, 'warning');
    assert.match(problem?.message ?? '', /FLUXBASE_SECRET_MISSING/);
  });

  it('says nothing of unknown variables while no connection is signed in', () => {
    assert.equal(assess('FLUXBASE_SECRET_MISSING', [], 0), undefined);
  });

  it('says nothing of unknown variables that are not secret variables (runtime ones, HOME)', () => {
    assert.equal(assess('FLUXBASE_URL', []), undefined);
    assert.equal(assess('HOME', []), undefined);
    assert.equal(assess('FLUXBASE_SECRET_', []), undefined);
  });

  it('warns about an expired secret and names it', () => {
    const problem = assess('FLUXBASE_SECRET_OLD', [
      entry({ name: 'old', is_expired: true, expires_at: daysFromNow(-2) }),
    ]);
    assert.equal(problem?.code, 'expiredSecret');
    assert.equal(problem?.level, 'warning');
    assert.match(problem?.message ?? '', /secret old \(global, Local\) expired 2 days ago/);
  });

  it('informs about a secret that expires within 7 days', () => {
    const problem = assess('FLUXBASE_SECRET_SOON', [
      entry({ name: 'SOON', scope: 'namespace', namespace: 'ns', expires_at: daysFromNow(3) }),
    ]);
    assert.equal(problem?.code, 'expiringSecret');
    assert.equal(problem?.level, 'information');
    assert.match(problem?.message ?? '', /namespace ns, Local\) expires in 3 days/);
  });

  it('finds nothing wrong with an active secret, also one provided by a FLUXBASE_ name unchanged', () => {
    assert.equal(assess('FLUXBASE_SECRET_OK', [entry({ name: 'ok', expires_at: daysFromNow(30) })]), undefined);
    assert.equal(assess('FLUXBASE_CUSTOM', [entry({ name: 'FLUXBASE_CUSTOM' })]), undefined);
  });
});
