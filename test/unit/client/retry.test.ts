import * as assert from 'node:assert/strict';
import type { FluxbaseClient } from '../../../src/core/api/fluxbaseClient';
import { FluxbaseApiError } from '../../../src/core/api/fluxbaseApiError';
import { DEFAULT_RETRY_POLICY, MAX_RETRY_AFTER_MS, readRetryDelayMs } from '../../../src/core/api/retryPolicy';
import { MockApi } from '../../support/mockApi';
import { SECRET_ID, secretBody, summaryBody } from './fixtures';

describe('Read retries: bounded retries for reads, none for writes', () => {
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

  for (const status of [502, 503, 504, 429]) {
    it(`retries a read after ${status} and returns the later answer`, async () => {
      api.on('GET', '/api/v1/secrets', { status, body: { error: 'busy' } });
      api.on('GET', '/api/v1/secrets', { status: 200, body: [summaryBody()] });

      assert.deepEqual(await client.secrets.list(), [summaryBody()]);
      assert.equal(api.requests.length, 2);
    });
  }

  it('retries a read after a network failure', async () => {
    api.fail('GET', '/api/v1/secrets/stats', 'ECONNRESET');
    api.on('GET', '/api/v1/secrets/stats', { status: 200, body: { total: 1, expired: 0, expiring_soon: 0 } });

    assert.equal((await client.secrets.stats()).total, 1);
  });

  it('gives up after the configured number of retries with the last error', async () => {
    api.on('GET', `/api/v1/secrets/${SECRET_ID}`, { status: 503, body: { error: 'down' } }, 3);

    await assert.rejects(client.secrets.getById(SECRET_ID), (error) => FluxbaseApiError.is(error, 'server'));
    assert.equal(api.requests.length, 3, 'one attempt plus two retries');
  });

  it('does not retry a read after 500 or 404: they will not change', async () => {
    api.on('GET', `/api/v1/secrets/${SECRET_ID}`, { status: 500, body: { error: 'Failed to get secret' } });
    api.on('GET', `/api/v1/secrets/${SECRET_ID}/versions`, { status: 404, body: { error: 'Not Found', path: '/' } });

    await assert.rejects(client.secrets.getById(SECRET_ID), (error) => FluxbaseApiError.is(error, 'server'));
    await assert.rejects(client.secrets.getVersionsById(SECRET_ID), (error) => FluxbaseApiError.is(error, 'notFound'));
    assert.equal(api.requests.length, 2);
  });

  for (const [method, call] of [
    ['POST', (c: FluxbaseClient) => c.secrets.rollbackById(SECRET_ID, 1)],
    ['PUT', (c: FluxbaseClient) => c.secrets.updateById(SECRET_ID, { description: 'd' })],
    ['DELETE', (c: FluxbaseClient) => c.secrets.deleteById(SECRET_ID)],
  ] as const) {
    it(`never retries a ${method} after 503, 429 or a network failure`, async () => {
      const path = method === 'POST' ? `/api/v1/secrets/${SECRET_ID}/rollback/1` : `/api/v1/secrets/${SECRET_ID}`;
      api.on(method, path, { status: 503, body: { error: 'down' } });
      api.on(method, path, { status: 429, body: { error: 'Rate limit exceeded' }, headers: { 'retry-after': '0' } });
      api.fail(method, path, 'ECONNRESET');
      api.on(method, path, { status: 200, body: method === 'DELETE' ? { message: 'ok' } : secretBody() });

      await assert.rejects(call(client), (error) => FluxbaseApiError.is(error, 'server'));
      await assert.rejects(call(client), (error) => FluxbaseApiError.is(error, 'rateLimited'));
      await assert.rejects(call(client), (error) => FluxbaseApiError.is(error, 'network'));
      await call(client);
      assert.equal(api.requests.length, 3, 'the two HTTP failures and the final success, nothing else');
    });
  }

  it('does not wait for a Retry-After beyond the cap: the 429 comes back with retryAfterSeconds', async () => {
    const seconds = MAX_RETRY_AFTER_MS / 1000 + 1;
    api.on('GET', '/api/v1/secrets', {
      status: 429,
      body: { error: 'Rate limit exceeded' },
      headers: { 'retry-after': String(seconds) },
    });

    const error = await client.secrets.list().catch((e: unknown) => e);

    assert.ok(FluxbaseApiError.is(error, 'rateLimited'));
    assert.equal(error.retryAfterSeconds, seconds);
    assert.equal(api.requests.length, 1);
  });

  it('can be switched off', async () => {
    const noRetry = api.client({ retry: { attempts: 0, baseDelayMs: 1 } });
    api.on('GET', '/api/v1/secrets', { status: 503, body: { error: 'down' } });

    await assert.rejects(noRetry.secrets.list(), (error) => FluxbaseApiError.is(error, 'server'));
    assert.equal(api.requests.length, 1);
  });
});

describe('readRetryDelayMs', () => {
  const response = (status: number, retryAfter?: string) => ({
    status,
    headers: retryAfter === undefined ? {} : { 'retry-after': retryAfter },
    text: '',
  });
  const policy = { attempts: 3, baseDelayMs: 100 };

  it('backs off exponentially and stops after the last attempt', () => {
    assert.deepEqual(
      [0, 1, 2, 3].map((i) => readRetryDelayMs(response(503), i, policy)),
      [100, 200, 400, undefined],
    );
  });

  it('waits what Retry-After says, up to the cap', () => {
    assert.equal(readRetryDelayMs(response(429, '2'), 0, policy), 2000);
    assert.equal(readRetryDelayMs(response(429, String(MAX_RETRY_AFTER_MS / 1000 + 1)), 0, policy), undefined);
  });

  it('retries network failures but not timeouts or other errors', () => {
    assert.equal(readRetryDelayMs(new FluxbaseApiError('network', 'x'), 0, policy), 100);
    assert.equal(readRetryDelayMs(new FluxbaseApiError('timeout', 'x'), 0, policy), undefined);
    assert.equal(readRetryDelayMs(new FluxbaseApiError('malformedResponse', 'x'), 0, policy), undefined);
    assert.equal(readRetryDelayMs(response(200), 0, policy), undefined);
    assert.equal(readRetryDelayMs(response(401), 0, policy), undefined);
  });

  it('defaults to a small bounded number of retries', () => {
    assert.ok(DEFAULT_RETRY_POLICY.attempts >= 1 && DEFAULT_RETRY_POLICY.attempts <= 3);
  });
});
