import * as assert from 'node:assert/strict';
import { suggestSecretName, toUpperSnakeCase } from '../../../src/core/code/nameSuggestion';

describe('toUpperSnakeCase', () => {
  it('splits camelCase, PascalCase, acronyms, kebab-case and dots', () => {
    assert.equal(toUpperSnakeCase('stripeApiKey'), 'STRIPE_API_KEY');
    assert.equal(toUpperSnakeCase('StripeAPIKey'), 'STRIPE_API_KEY');
    assert.equal(toUpperSnakeCase('x-api-key'), 'X_API_KEY');
    assert.equal(toUpperSnakeCase('db.password2'), 'DB_PASSWORD2');
    assert.equal(toUpperSnakeCase('ALREADY_SNAKE'), 'ALREADY_SNAKE');
    assert.equal(toUpperSnakeCase('__private$'), 'PRIVATE');
  });
});

describe('suggestSecretName', () => {
  const cases: [string, string | undefined][] = [
    ['const stripeApiKey = ', 'STRIPE_API_KEY'],
    ['let token=', 'TOKEN'],
    ['this.webhookSecret = ', 'WEBHOOK_SECRET'],
    ['config.db.password = ', 'PASSWORD'],
    ['const apiKey: string = ', 'API_KEY'],
    ['  apiKey: ', 'API_KEY'],
    ['  "x-api-key": ', 'X_API_KEY'],
    ["headers['Authorization'] = ", 'AUTHORIZATION'],
    ['const FLUXBASE_SECRET_OLD_KEY = ', 'OLD_KEY'],
    ['fetch(url, ', undefined],
    ['if (value === ', undefined],
    ['return ', undefined],
  ];
  for (const [code, expected] of cases) {
    it(`suggests ${expected ?? 'nothing'} for ${JSON.stringify(code)}`, () => {
      assert.equal(suggestSecretName(code), expected);
    });
  }
});
