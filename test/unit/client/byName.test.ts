import * as assert from 'node:assert/strict';
import { isRoutableName } from '../../../src/core/api/byNameResolver';
import type { FluxbaseClient } from '../../../src/core/api/fluxbaseClient';
import { FluxbaseApiError } from '../../../src/core/api/fluxbaseApiError';
import { MockApi } from '../../support/mockApi';
import { SECRET_ID, secretBody, summaryBody, versionBody } from './fixtures';

const OTHER_ID = '0a0a0a0a-0000-4000-8000-000000000000';
const NO_ROUTE = (path: string) => ({ status: 404, body: { error: 'Not Found', path } });

describe('By-name fallback: list + id for unreachable names and servers without by-name routes', () => {
  let api: MockApi;
  let client: FluxbaseClient;

  beforeEach(() => {
    api = new MockApi();
    client = api.client();
  });

  afterEach(async () => {
    api.assertAllUsed();
    await api.close();
  });

  it('knows which names survive a by-name path', () => {
    assert.ok(isRoutableName('STRIPE_KEY.v2-test~1'));
    for (const name of ['with space', 'a/b', 'q?', 'h#', 'p%41', 'café', '']) {
      assert.ok(!isRoutableName(name), name);
    }
  });

  it('names made only of dots are dot-segments, never sent on a by-name route; dots inside a name are', () => {
    for (const name of ['.', '..', '...', '.'.repeat(40)]) {
      assert.ok(!isRoutableName(name), name);
    }
    for (const name of ['.env', 'a..b', '..x', 'x..', '.a.']) {
      assert.ok(isRoutableName(name), name);
    }
  });

  it('"." and ".." reach their secret through list + id, for every by-name method', async () => {
    for (const name of ['.', '..']) {
      const list = [summaryBody({ id: SECRET_ID, name, namespace: 'payments' })];
      api.on('GET', '/api/v1/secrets?namespace=payments', { status: 200, body: list }, 5);
      api.on('GET', `/api/v1/secrets/${SECRET_ID}`, { status: 200, body: secretBody({ name }) });
      api.on('PUT', `/api/v1/secrets/${SECRET_ID}`, { status: 200, body: secretBody({ name, version: 3 }) });
      api.on('GET', `/api/v1/secrets/${SECRET_ID}/versions`, { status: 200, body: [versionBody(1)] });
      api.on('POST', `/api/v1/secrets/${SECRET_ID}/rollback/1`, {
        status: 200,
        body: secretBody({ name, version: 4 }),
      });
      api.on('DELETE', `/api/v1/secrets/${SECRET_ID}`, {
        status: 200,
        body: { message: 'Secret deleted successfully' },
      });
      const options = { namespace: 'payments' };

      assert.equal((await client.secrets.get(name, options)).name, name);
      await client.secrets.update(name, { value: 'rotated-value' }, options);
      await client.secrets.getVersions(name, options);
      await client.secrets.rollback(name, 1, options);
      await client.secrets.delete(name, options);
    }

    const byName = api.requests.filter((request) => request.path.includes('/by-name/'));
    assert.deepEqual(
      byName.map((request) => `${request.method} ${request.path}`),
      [],
    );
    assert.equal(api.requests.length, 20);
  });

  it('a namespace secret with a special character: one list({namespace}) then the id route', async () => {
    const name = 'db password/primary';
    api.on('GET', '/api/v1/secrets?namespace=payments', {
      status: 200,
      body: [summaryBody({ id: OTHER_ID, name: 'db password/replica' }), summaryBody({ id: SECRET_ID, name })],
    });
    api.on('GET', `/api/v1/secrets/${SECRET_ID}`, { status: 200, body: secretBody({ name }) });

    const secret = await client.secrets.get(name, { namespace: 'payments' });

    assert.equal(secret.name, name);
    assert.deepEqual(
      api.requests.map((r) => r.path),
      ['/api/v1/secrets?namespace=payments', `/api/v1/secrets/${SECRET_ID}`],
    );
  });

  it('a global secret with a special character: list({scope:"global"}) and only a global match counts', async () => {
    api.on('GET', '/api/v1/secrets?scope=global', {
      status: 200,
      body: [summaryBody({ id: SECRET_ID, name: 'api key', scope: 'global', namespace: undefined })],
    });
    api.on('PUT', `/api/v1/secrets/${SECRET_ID}`, {
      status: 200,
      body: secretBody({ name: 'api key', scope: 'global', namespace: undefined }),
    });

    await client.secrets.update('api key', { value: 'new-value-1' });

    const put = api.sent('PUT', `/api/v1/secrets/${SECRET_ID}`)[0];
    assert.equal(put?.body, JSON.stringify({ value: 'new-value-1' }));
  });

  it('every by-name method takes the fallback to its own id route', async () => {
    const name = 'ключ';
    const list = [summaryBody({ id: SECRET_ID, name, scope: 'global', namespace: undefined })];
    api.on('GET', '/api/v1/secrets?scope=global', { status: 200, body: list }, 3);
    api.on('DELETE', `/api/v1/secrets/${SECRET_ID}`, { status: 200, body: { message: 'Secret deleted successfully' } });
    api.on('GET', `/api/v1/secrets/${SECRET_ID}/versions`, { status: 200, body: [versionBody(1)] });
    api.on('POST', `/api/v1/secrets/${SECRET_ID}/rollback/1`, { status: 200, body: secretBody({ version: 2 }) });

    assert.deepEqual(await client.secrets.getVersions(name), [versionBody(1)]);
    assert.equal((await client.secrets.rollback(name, 1)).version, 2);
    assert.equal(await client.secrets.delete(name), undefined);

    assert.equal(api.sent('POST', `/api/v1/secrets/${SECRET_ID}/rollback/1`)[0]?.body, '{}');
  });

  it('a name that is not in the list is notFound; a name listed twice is a conflict', async () => {
    api.on('GET', '/api/v1/secrets?namespace=ns', {
      status: 200,
      body: [
        summaryBody({ name: 'a b', namespace: 'other' }),
        summaryBody({ name: 'a b', scope: 'global', namespace: undefined }),
      ],
    });
    api.on('GET', '/api/v1/secrets?scope=global', {
      status: 200,
      body: [
        summaryBody({ id: SECRET_ID, name: 'dup name', scope: 'global', namespace: undefined }),
        summaryBody({ id: OTHER_ID, name: 'dup name', scope: 'global', namespace: undefined }),
      ],
    });

    await assert.rejects(client.secrets.get('a b', { namespace: 'ns' }), (error) =>
      FluxbaseApiError.is(error, 'notFound'),
    );
    await assert.rejects(client.secrets.delete('dup name'), (error) => FluxbaseApiError.is(error, 'conflict'));
  });

  it('a server without by-name routes: falls back, and later calls go straight to list + id', async () => {
    api.on(
      'GET',
      '/api/v1/secrets/by-name/STRIPE_KEY?namespace=payments',
      NO_ROUTE('/api/v1/secrets/by-name/STRIPE_KEY'),
    );
    api.on('GET', '/api/v1/secrets?namespace=payments', { status: 200, body: [summaryBody()] }, 2);
    api.on('GET', `/api/v1/secrets/${SECRET_ID}`, { status: 200, body: secretBody() });
    api.on('PUT', `/api/v1/secrets/${SECRET_ID}`, { status: 200, body: secretBody({ version: 3 }) });

    assert.deepEqual(await client.secrets.get('STRIPE_KEY', { namespace: 'payments' }), secretBody());
    await client.secrets.update('STRIPE_KEY', { value: 'rotated-value' }, { namespace: 'payments' });

    assert.deepEqual(
      api.requests.map((r) => `${r.method} ${r.path}`),
      [
        'GET /api/v1/secrets/by-name/STRIPE_KEY?namespace=payments',
        'GET /api/v1/secrets?namespace=payments',
        `GET /api/v1/secrets/${SECRET_ID}`,
        'GET /api/v1/secrets?namespace=payments',
        `PUT /api/v1/secrets/${SECRET_ID}`,
      ],
    );
  });

  it('the fallback memory is per client', async () => {
    api.on('GET', '/api/v1/secrets/by-name/A', NO_ROUTE('/api/v1/secrets/by-name/A'));
    api.on('GET', '/api/v1/secrets?scope=global', {
      status: 200,
      body: [summaryBody({ name: 'A', scope: 'global', namespace: undefined })],
    });
    api.on('GET', `/api/v1/secrets/${SECRET_ID}`, { status: 200, body: secretBody() });
    api.on('GET', '/api/v1/secrets/by-name/A', { status: 200, body: secretBody() });

    await client.secrets.get('A');
    await api.client().secrets.get('A');

    assert.equal(api.sent('GET', '/api/v1/secrets/by-name/A').length, 2);
  });

  it('"Secret not found" from a by-name route is a real answer, not a reason to fall back', async () => {
    api.on('GET', '/api/v1/secrets/by-name/GONE', { status: 404, body: { error: 'Secret not found' } });

    await assert.rejects(client.secrets.get('GONE'), (error) => {
      assert.ok(FluxbaseApiError.is(error, 'notFound'));
      assert.equal(error.message, 'Secret not found (404)');
      return true;
    });
    assert.equal(api.requests.length, 1);
  });
});
