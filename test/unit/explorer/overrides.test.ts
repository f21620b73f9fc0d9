import * as assert from 'node:assert/strict';
import { compareNames, createOverrideIndex } from '../../../src/core/explorer/overrides';
import { summary } from './support/secrets';

describe('override index', () => {
  const globalLower = summary({ name: 'api_key' });
  const globalUpper = summary({ name: 'API_KEY' });
  const other = summary({ name: 'db_url' });
  const inPayments = summary({ name: 'Api_Key', namespace: 'payments' });
  const inAnalytics = summary({ name: 'API_KEY', namespace: 'analytics' });
  const againInPayments = summary({ name: 'api_KEY', namespace: 'payments' });
  const prefixed = summary({ name: 'FLUXBASE_SECRET_API_KEY', namespace: 'billing' });
  const index = createOverrideIndex([
    globalLower,
    other,
    inPayments,
    globalUpper,
    inAnalytics,
    againInPayments,
    prefixed,
  ]);

  it('finds every global secret a namespace secret hides by variable name, whatever the case', () => {
    assert.deepEqual(index.overriddenGlobals(inPayments), [globalLower, globalUpper]);
    assert.deepEqual(index.overriddenGlobals(prefixed), [globalLower, globalUpper], 'FLUXBASE_ names are the variable');
    assert.deepEqual(index.overriddenGlobals(summary({ name: 'unique', namespace: 'payments' })), []);
    assert.deepEqual(index.overriddenGlobals(globalLower), [], 'a global secret overrides nothing');
  });

  it('lists the namespaces that hide a global secret once each, sorted', () => {
    assert.deepEqual(index.overridingNamespaces(globalUpper), ['analytics', 'billing', 'payments']);
    assert.deepEqual(index.overridingNamespaces(other), []);
    assert.deepEqual(index.overridingNamespaces(inPayments), [], 'a namespace secret is not overridden');
  });
});

describe('compareNames', () => {
  it('orders case-insensitively and breaks ties deterministically', () => {
    assert.deepEqual(['beta', 'Alpha', 'alpha', 'Beta', 'ábc'].sort(compareNames), [
      'ábc',
      'Alpha',
      'alpha',
      'Beta',
      'beta',
    ]);
  });
});
