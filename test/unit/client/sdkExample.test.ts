import * as assert from 'node:assert/strict';
import { createClient } from '../../../src/core/api/fluxbaseClient';
import { MockApi } from '../../support/mockApi';
import { SECRET_ID, secretBody, sessionBody, summaryBody, versionBody } from './fixtures';

describe('The SecretsManager documentation example works as written', () => {
  let api: MockApi;

  beforeEach(() => {
    api = new MockApi('http://localhost:8080');
  });

  afterEach(async () => {
    api.assertAllUsed();
    await api.close();
  });

  it('createClient({url}), auth.login, then create, get, update, list, getVersions, rollback, delete', async () => {
    const ns = '?namespace=payments';
    const byName = '/api/v1/secrets/by-name/STRIPE_KEY';
    api
      .on('POST', '/dashboard/auth/login', { status: 200, body: sessionBody('doc-token') })
      .on('POST', '/api/v1/secrets', { status: 201, body: secretBody({ version: 1 }) })
      .on('GET', byName + ns, { status: 200, body: secretBody({ version: 1 }) })
      .on('PUT', byName + ns, { status: 200, body: secretBody({ version: 2 }) })
      .on('GET', '/api/v1/secrets?scope=namespace', { status: 200, body: [summaryBody()] })
      .on('GET', `${byName}/versions${ns}`, { status: 200, body: [versionBody(2), versionBody(1)] })
      .on('POST', `${byName}/rollback/1${ns}`, { status: 200, body: secretBody({ version: 3 }) })
      .on('DELETE', byName + ns, { status: 200, body: { message: 'Secret deleted successfully' } });

    // The example, with the dispatcher pointed at the mock instead of a live server:
    const client = createClient({ url: 'http://localhost:8080', dispatcher: api.agent });
    await client.auth.login({ email: 'admin@example.com', password: 'password123' });
    const created = await client.secrets.create({
      name: 'STRIPE_KEY',
      value: 'sk_live_xxx',
      scope: 'namespace',
      namespace: 'payments',
      description: 'Stripe API key',
    });
    const fetched = await client.secrets.get('STRIPE_KEY', { namespace: 'payments' });
    const updated = await client.secrets.update('STRIPE_KEY', { value: 'sk_live_yyy' }, { namespace: 'payments' });
    const listed = await client.secrets.list({ scope: 'namespace' });
    const versions = await client.secrets.getVersions('STRIPE_KEY', { namespace: 'payments' });
    const rolledBack = await client.secrets.rollback('STRIPE_KEY', 1, { namespace: 'payments' });
    await client.secrets.delete('STRIPE_KEY', { namespace: 'payments' });

    assert.equal(created.id, SECRET_ID);
    assert.equal(fetched.version, 1);
    assert.equal(updated.version, 2);
    assert.equal(listed.length, 1);
    assert.deepEqual(
      versions.map((v) => v.version),
      [2, 1],
    );
    assert.equal(rolledBack.version, 3);
    assert.equal(api.requests.length, 8);
    for (const request of api.requests.slice(1)) {
      assert.equal(request.headers['authorization'], 'Bearer doc-token', `${request.method} ${request.path}`);
    }
  });
});
