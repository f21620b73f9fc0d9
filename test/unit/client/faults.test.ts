import * as assert from 'node:assert/strict';
import { createClient, type ClientOptions, type FluxbaseClient } from '../../../src/core/api/fluxbaseClient';
import { FluxbaseApiError, type FluxbaseErrorKind } from '../../../src/core/api/fluxbaseApiError';
import { answers, closedPortUrl, FaultyServer, type FaultScript } from '../../support/faultyServer';
import { failureOf, SECRET_ID, secretBody, sessionBody, summaryBody } from './fixtures';

const LIST = '/api/v1/secrets';
const REFRESH = '/dashboard/auth/refresh';

function assertKind(error: FluxbaseApiError, kind: FluxbaseErrorKind, message: RegExp): void {
  assert.equal(error.kind, kind, error.message);
  assert.match(error.message, message);
}

describe('Client faults over real sockets (issue 9): each ends in a clear error of the right kind, promptly', () => {
  let server: FaultyServer | undefined;
  const clients: FluxbaseClient[] = [];
  const unhandled: unknown[] = [];
  const recordUnhandled = (reason: unknown): void => {
    unhandled.push(reason);
  };

  before(() => process.on('unhandledRejection', recordUnhandled));
  after(() => {
    process.off('unhandledRejection', recordUnhandled);
    assert.deepEqual(unhandled, [], 'no unhandled rejection during the fault tests');
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await server?.stop();
    server = undefined;
  });

  async function serve(script: FaultScript): Promise<FaultyServer> {
    server = await FaultyServer.start(script);
    return server;
  }

  function clientOf(url: string, options: Partial<ClientOptions> = {}): FluxbaseClient {
    const client = createClient({ url, retry: { attempts: 2, baseDelayMs: 10 }, ...options });
    clients.push(client);
    return client;
  }

  it('server down (closed port) → network "connection refused", reads and writes alike', async () => {
    const url = await closedPortUrl();
    const client = clientOf(url);

    assertKind(
      await failureOf(() => client.secrets.list()),
      'network',
      /^Cannot reach http:\/\/127\.0\.0\.1:\d+: connection refused$/,
    );
    assertKind(
      await failureOf(() => client.secrets.create({ name: 'A', value: 'v' })),
      'network',
      /connection refused/,
    );
  });

  it('connection reset mid-response → network; the read is retried, the write is sent once', async () => {
    const faulty = await serve((_request, response) => answers.resetMidResponse(response));
    const client = clientOf(faulty.url);

    assertKind(await failureOf(() => client.secrets.list()), 'network', /^Cannot reach http:\/\/127\.0\.0\.1:\d+: /);
    assertKind(await failureOf(() => client.secrets.updateById(SECRET_ID, { value: 'v2' })), 'network', /Cannot reach/);

    assert.equal(faulty.received('GET', LIST).length, 3, 'one read plus two retries');
    assert.equal(faulty.received('PUT', `${LIST}/${SECRET_ID}`).length, 1, 'the write is never repeated');
  });

  it('a response slower than the timeout → timeout, and the call returns instead of hanging', async () => {
    const faulty = await serve(() => answers.never());
    const client = clientOf(faulty.url, { timeoutMs: 300 });

    const error = await failureOf(() => client.secrets.getById(SECRET_ID));

    assertKind(error, 'timeout', /^No response from http:\/\/127\.0\.0\.1:\d+ within 300 ms$/);
    assert.equal(faulty.requests.length, 1, 'a timed-out read is not repeated');
  });

  it('a 500 with an HTML body → server with status 500', async () => {
    const faulty = await serve((_request, response) =>
      answers.text(response, 500, 'text/html', '<!doctype html><title>500</title><h1>Internal Server Error</h1>'),
    );

    const error = await failureOf(() => clientOf(faulty.url).secrets.stats());

    assertKind(error, 'server', /^Server error \(500\)$/);
    assert.equal(error.status, 500);
    assert.equal(error.serverError, undefined);
  });

  it('truncated JSON → malformedResponse', async () => {
    const faulty = await serve((_request, response) =>
      answers.text(response, 200, 'application/json', JSON.stringify(secretBody()).slice(0, 40)),
    );

    assertKind(
      await failureOf(() => clientOf(faulty.url).secrets.getById(SECRET_ID)),
      'malformedResponse',
      /GET \/api\/v1\/secrets\/:id \(200\)/,
    );
  });

  it('JSON of the wrong shape → malformedResponse, never a half-built object', async () => {
    const faulty = await serve((_request, response) =>
      answers.json(response, 200, [summaryBody(), { ...summaryBody(), version: 'two' }]),
    );

    assertKind(
      await failureOf(() => clientOf(faulty.url).secrets.list()),
      'malformedResponse',
      /GET \/api\/v1\/secrets/,
    );
  });

  it('429 with Retry-After: the read is retried after the delay; the write is not retried', async () => {
    let listCalls = 0;
    const faulty = await serve((request, response) => {
      if (request.method === 'GET' && ++listCalls === 1) {
        answers.json(response, 429, { error: 'Rate limit exceeded', retry_after: 1 }, { 'retry-after': '1' });
      } else if (request.method === 'GET') {
        answers.json(response, 200, [summaryBody()]);
      } else {
        answers.json(response, 429, { error: 'Rate limit exceeded', retry_after: 1 }, { 'retry-after': '1' });
      }
    });
    const client = clientOf(faulty.url);

    assert.deepEqual(await client.secrets.list(), [summaryBody()]);
    const write = await failureOf(() => client.secrets.create({ name: 'A', value: 'v' }));

    const [first, second] = faulty.received('GET', LIST);
    assert.ok(first && second);
    assert.ok(second.receivedAt - first.receivedAt >= 950, 'the retry waited for Retry-After');
    assertKind(write, 'rateLimited', /retry in 1 s/);
    assert.equal(write.retryAfterSeconds, 1);
    assert.equal(faulty.received('POST', LIST).length, 1);
  });

  it('401 with a failing refresh → auth, asking to sign in again', async () => {
    const faulty = await serve((request, response) =>
      request.url === REFRESH
        ? answers.json(response, 401, { error: 'Invalid or expired refresh token', code: 401 })
        : answers.json(response, 401, { error: 'Invalid or expired Bearer token' }),
    );
    const client = clientOf(faulty.url, {
      credentials: { type: 'session', accessToken: 'expired', refreshToken: 'refresh-1' },
    });

    assertKind(await failureOf(() => client.secrets.list()), 'auth', /sign in again/);
    assert.equal(faulty.received('POST', REFRESH).length, 1);
    assert.equal(faulty.received('GET', LIST).length, 1);
  });

  it('many concurrent 401s → exactly one refresh, and every request succeeds on its one retry', async () => {
    const faulty = await serve((request, response) => {
      if (request.url === REFRESH) {
        // Answer late so that every 401 arrives while the refresh is still running.
        setTimeout(() => answers.json(response, 200, sessionBody('fresh', 'refresh-1', false)), 100);
      } else if (request.headers.authorization === 'Bearer fresh') {
        answers.json(response, 200, [summaryBody()]);
      } else {
        answers.json(response, 401, { error: 'Invalid or expired Bearer token' });
      }
    });
    const client = clientOf(faulty.url, {
      credentials: { type: 'session', accessToken: 'expired', refreshToken: 'refresh-1' },
    });

    const results = await Promise.all(Array.from({ length: 12 }, () => client.secrets.list()));

    assert.equal(results.length, 12);
    assert.equal(faulty.received('POST', REFRESH).length, 1);
    assert.equal(faulty.received('GET', LIST).length, 24);
  });
});
