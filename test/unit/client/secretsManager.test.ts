import * as assert from 'node:assert/strict';
import type { FluxbaseClient } from '../../../src/core/api/fluxbaseClient';
import { FluxbaseApiError } from '../../../src/core/api/fluxbaseApiError';
import { MockApi, type RecordedRequest } from '../../support/mockApi';
import { SECRET_ID, secretBody, statsBody, summaryBody, versionBody } from './fixtures';

const TOKEN = 'access-token-1';

/** The headers every request carries, and Content-Type exactly when there is a body. */
function assertCommonHeaders(request: RecordedRequest, hasBody: boolean): void {
  assert.equal(request.headers['accept'], 'application/json');
  assert.match(request.headers['user-agent'] ?? '', /^fluxbase-secrets-vscode\/\d+\.\d+\.\d+/);
  assert.equal(request.headers['authorization'], `Bearer ${TOKEN}`);
  assert.equal(request.headers['x-service-key'], undefined);
  assert.equal(request.headers['content-type'], hasBody ? 'application/json' : undefined);
  if (!hasBody) {
    assert.equal(request.body, undefined);
  }
}

/** The single request the client sent. */
function onlyRequest(api: MockApi): RecordedRequest {
  assert.equal(api.requests.length, 1, 'exactly one request');
  return api.requests[0] as RecordedRequest;
}

describe('SecretsManager: the request of every method and the handling of its answer', () => {
  let api: MockApi;
  let client: FluxbaseClient;

  beforeEach(() => {
    api = new MockApi();
    client = api.client({ credentials: { type: 'session', accessToken: TOKEN } });
  });

  afterEach(async () => {
    api.assertAllUsed();
    await api.close();
  });

  it('create POSTs the request as-is to /api/v1/secrets and returns the 201 secret', async () => {
    const created = secretBody({ version: 1, created_by: undefined, updated_by: undefined });
    api.on('POST', '/api/v1/secrets', { status: 201, body: created });
    const request = {
      name: 'STRIPE_KEY',
      value: 'sk_live_123',
      scope: 'namespace' as const,
      namespace: 'payments',
      description: 'Stripe API key',
      expires_at: '2026-12-31T23:59:59.000Z',
    };

    const secret = await client.secrets.create(request);

    assert.deepEqual(secret, created);
    const sent = onlyRequest(api);
    assert.equal(sent.method, 'POST');
    assert.equal(sent.path, '/api/v1/secrets');
    assertCommonHeaders(sent, true);
    assert.equal(sent.body, JSON.stringify(request));
  });

  it('get sends GET by-name with ?namespace= and returns the secret', async () => {
    api.on('GET', '/api/v1/secrets/by-name/STRIPE_KEY?namespace=payments', { status: 200, body: secretBody() });

    const secret = await client.secrets.get('STRIPE_KEY', { namespace: 'payments' });

    assert.deepEqual(secret, secretBody());
    const sent = onlyRequest(api);
    assert.equal(sent.path, '/api/v1/secrets/by-name/STRIPE_KEY?namespace=payments');
    assertCommonHeaders(sent, false);
  });

  it('get leaves the namespace query out when it is absent or empty (global secret)', async () => {
    const global = secretBody({ scope: 'global', namespace: undefined });
    api.on('GET', '/api/v1/secrets/by-name/API.KEY-1_~', { status: 200, body: global }, 2);

    assert.deepEqual(await client.secrets.get('API.KEY-1_~'), global);
    assert.deepEqual(await client.secrets.get('API.KEY-1_~', { namespace: '' }), global);

    assert.deepEqual(
      api.requests.map((r) => r.path),
      ['/api/v1/secrets/by-name/API.KEY-1_~', '/api/v1/secrets/by-name/API.KEY-1_~'],
    );
  });

  it('getById sends GET /api/v1/secrets/:id with the id encoded', async () => {
    api.on('GET', `/api/v1/secrets/${SECRET_ID}`, { status: 200, body: secretBody() });
    api.on('GET', '/api/v1/secrets/a%20b%2Fc', { status: 200, body: secretBody() });

    assert.deepEqual(await client.secrets.getById(SECRET_ID), secretBody());
    await client.secrets.getById('a b/c');

    assert.deepEqual(
      api.requests.map((r) => r.path),
      [`/api/v1/secrets/${SECRET_ID}`, '/api/v1/secrets/a%20b%2Fc'],
    );
    assertCommonHeaders(api.requests[0] as RecordedRequest, false);
  });

  it('update PUTs the request by name with ?namespace= and returns the re-read secret', async () => {
    const updated = secretBody({ version: 3 });
    api.on('PUT', '/api/v1/secrets/by-name/STRIPE_KEY?namespace=payments', { status: 200, body: updated });
    const request = { value: 'sk_live_456', description: 'rotated' };

    assert.deepEqual(await client.secrets.update('STRIPE_KEY', request, { namespace: 'payments' }), updated);

    const sent = onlyRequest(api);
    assert.equal(sent.method, 'PUT');
    assertCommonHeaders(sent, true);
    assert.equal(sent.body, JSON.stringify(request));
  });

  it('updateById PUTs the request to /api/v1/secrets/:id', async () => {
    api.on('PUT', `/api/v1/secrets/${SECRET_ID}`, { status: 200, body: secretBody() });
    const request = { expires_at: '2027-01-01T00:00:00.000Z' };

    assert.deepEqual(await client.secrets.updateById(SECRET_ID, request), secretBody());

    const sent = onlyRequest(api);
    assertCommonHeaders(sent, true);
    assert.deepEqual(JSON.parse(sent.body ?? ''), request);
  });

  it('delete sends DELETE by name without a body and resolves to undefined', async () => {
    api.on('DELETE', '/api/v1/secrets/by-name/STRIPE_KEY?namespace=payments', {
      status: 200,
      body: { message: 'Secret deleted successfully' },
    });

    assert.equal(await client.secrets.delete('STRIPE_KEY', { namespace: 'payments' }), undefined);

    assertCommonHeaders(onlyRequest(api), false);
  });

  it('deleteById sends DELETE /api/v1/secrets/:id and resolves to undefined', async () => {
    api.on('DELETE', `/api/v1/secrets/${SECRET_ID}`, { status: 200, body: { message: 'Secret deleted successfully' } });

    assert.equal(await client.secrets.deleteById(SECRET_ID), undefined);

    assertCommonHeaders(onlyRequest(api), false);
  });

  it('list sends GET /api/v1/secrets with no query when no filter is set, and returns the items', async () => {
    const items = [summaryBody({ scope: 'global', namespace: undefined }), summaryBody({ is_expired: true })];
    api.on('GET', '/api/v1/secrets', { status: 200, body: items });

    assert.deepEqual(await client.secrets.list(), items);

    const sent = onlyRequest(api);
    assert.equal(sent.path, '/api/v1/secrets');
    assertCommonHeaders(sent, false);
  });

  it('list sends ?scope=&namespace= only for the filters that are set, values encoded', async () => {
    api.on('GET', '/api/v1/secrets?scope=namespace&namespace=team%20a%2Fb', { status: 200, body: [] });
    api.on('GET', '/api/v1/secrets?scope=global', { status: 200, body: [] });

    assert.deepEqual(await client.secrets.list({ scope: 'namespace', namespace: 'team a/b' }), []);
    assert.deepEqual(await client.secrets.list({ scope: 'global', namespace: '' }), []);

    assert.deepEqual(
      api.requests.map((r) => r.path),
      ['/api/v1/secrets?scope=namespace&namespace=team%20a%2Fb', '/api/v1/secrets?scope=global'],
    );
  });

  it('getVersions sends GET by-name/:name/versions and returns the rows newest first', async () => {
    const rows = [versionBody(3), versionBody(2, { created_by: 'someone' }), versionBody(1)];
    api.on('GET', '/api/v1/secrets/by-name/STRIPE_KEY/versions?namespace=payments', { status: 200, body: rows });

    assert.deepEqual(await client.secrets.getVersions('STRIPE_KEY', { namespace: 'payments' }), rows);

    assertCommonHeaders(onlyRequest(api), false);
  });

  it('getVersionsById sends GET /api/v1/secrets/:id/versions and accepts []', async () => {
    api.on('GET', `/api/v1/secrets/${SECRET_ID}/versions`, { status: 200, body: [] });

    assert.deepEqual(await client.secrets.getVersionsById(SECRET_ID), []);

    assertCommonHeaders(onlyRequest(api), false);
  });

  it('rollback POSTs {} to by-name/:name/rollback/:version?namespace= and returns the secret', async () => {
    const rolledBack = secretBody({ version: 3 });
    api.on('POST', '/api/v1/secrets/by-name/STRIPE_KEY/rollback/1?namespace=payments', {
      status: 200,
      body: rolledBack,
    });

    assert.deepEqual(await client.secrets.rollback('STRIPE_KEY', 1, { namespace: 'payments' }), rolledBack);

    const sent = onlyRequest(api);
    assertCommonHeaders(sent, true);
    assert.equal(sent.body, '{}');
  });

  it('rollbackById POSTs {} to /api/v1/secrets/:id/rollback/:version', async () => {
    api.on('POST', `/api/v1/secrets/${SECRET_ID}/rollback/2`, { status: 200, body: secretBody({ version: 4 }) });

    assert.equal((await client.secrets.rollbackById(SECRET_ID, 2)).version, 4);

    const sent = onlyRequest(api);
    assertCommonHeaders(sent, true);
    assert.equal(sent.body, '{}');
  });

  it('stats sends GET /api/v1/secrets/stats and returns the counters', async () => {
    api.on('GET', '/api/v1/secrets/stats', { status: 200, body: statsBody() });

    assert.deepEqual(await client.secrets.stats(), statsBody());

    assertCommonHeaders(onlyRequest(api), false);
  });

  it('refuses, without sending, a version below 1 and an empty name or id (they would hit other routes)', async () => {
    const refused = [
      () => client.secrets.rollback('STRIPE_KEY', 0),
      () => client.secrets.rollbackById(SECRET_ID, 1.5),
      () => client.secrets.get(''),
      () => client.secrets.getById(''),
      () => client.secrets.deleteById(''),
    ];

    for (const attempt of refused) {
      await assert.rejects(attempt, (error) => FluxbaseApiError.is(error, 'validation'));
    }
    assert.equal(api.requests.length, 0);
  });

  it('rejects with malformedResponse when a 2xx body is not the promised shape, for every response type', async () => {
    api.on('GET', `/api/v1/secrets/${SECRET_ID}`, { status: 200, body: { id: SECRET_ID } });
    api.on('GET', '/api/v1/secrets', { status: 200, body: [summaryBody(), { ...summaryBody(), is_expired: 'no' }] });
    api.on('GET', `/api/v1/secrets/${SECRET_ID}/versions`, { status: 200, body: { versions: [] } });
    api.on('GET', '/api/v1/secrets/stats', { status: 200, body: { total: '5', expired: 0, expiring_soon: 0 } });
    api.on('POST', '/api/v1/secrets', { status: 201, body: 'created' });

    const attempts = [
      () => client.secrets.getById(SECRET_ID),
      () => client.secrets.list(),
      () => client.secrets.getVersionsById(SECRET_ID),
      () => client.secrets.stats(),
      () => client.secrets.create({ name: 'A', value: 'b' }),
    ];
    for (const attempt of attempts) {
      await assert.rejects(attempt, (error) => FluxbaseApiError.is(error, 'malformedResponse'));
    }
  });
});
