import * as assert from 'node:assert/strict';
import { DEFAULT_REFERENCE_TEMPLATE, renderReference } from '../../../src/core/code/referenceTemplate';
import { denoReference } from '../../../src/core/secretVariable';

describe('renderReference', () => {
  it('renders the default template exactly like denoReference', () => {
    for (const name of ['stripe_key', 'FLUXBASE_CUSTOM', 'Mixed.Case']) {
      assert.equal(renderReference(DEFAULT_REFERENCE_TEMPLATE, name), denoReference(name));
    }
  });

  it('replaces every ${variable} and ${name} of a custom template', () => {
    assert.equal(
      renderReference('env("${variable}") /* ${name}, ${variable} */', 'api_key'),
      'env("FLUXBASE_SECRET_API_KEY") /* api_key, FLUXBASE_SECRET_API_KEY */',
    );
  });
});
