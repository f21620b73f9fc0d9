import * as assert from 'node:assert/strict';
import { formatDuration, parseRetryAfter } from '../../../src/core/api/errorMapping';
import type { FluxbaseClient } from '../../../src/core/api/fluxbaseClient';
import { FluxbaseApiError, type FluxbaseErrorKind } from '../../../src/core/api/fluxbaseApiError';
import { MockApi, type MockReply } from '../../support/mockApi';
import { failureOf, SECRET_ID, secretBody } from './fixtures';

/** What a failed call must have produced. */
interface Expected {
  kind: FluxbaseErrorKind;
  status?: number;
  message: string;
  serverError?: string;
  requiredScope?: string;
  retryAfterSeconds?: number;
}

function assertError(error: FluxbaseApiError, expected: Expected): void {
  assert.equal(error.kind, expected.kind);
  assert.equal(error.message, expected.message);
  assert.equal(error.status, expected.status);
  assert.equal(error.serverError, expected.serverError);
  assert.equal(error.requiredScope, expected.requiredScope);
  assert.equal(error.retryAfterSeconds, expected.retryAfterSeconds);
}

describe('Client errors: every failure is a FluxbaseApiError of the right kind with a specific message', () => {
  let api: MockApi;
  let client: FluxbaseClient;

  beforeEach(() => {
    api = new MockApi();
    client = api.client({ credentials: { type: 'serviceKey', key: 'sk_0123456789abcdef' } });
  });

  afterEach(async () => {
    api.assertAllUsed();
    await api.close();
  });

  /** Answers one write (writes are never retried, so one answer is one attempt) and returns the error. */
  async function writeFailure(reply: MockReply): Promise<FluxbaseApiError> {
    api.on('PUT', `/api/v1/secrets/${SECRET_ID}`, reply);
    return failureOf(() => client.secrets.updateById(SECRET_ID, { description: 'd' }));
  }

  const statusCases: Array<{ name: string; reply: MockReply; expected: Expected }> = [
    {
      name: '400 → validation with the server text',
      reply: {
        status: 400,
        body: { error: 'At least one field (value, description, or expires_at) must be provided' },
      },
      expected: {
        kind: 'validation',
        status: 400,
        message:
          'The server rejected the request: At least one field (value, description, or expires_at) must be provided (400)',
        serverError: 'At least one field (value, description, or expires_at) must be provided',
      },
    },
    {
      name: '401 → auth',
      reply: { status: 401, body: { error: 'Invalid service key' } },
      expected: {
        kind: 'auth',
        status: 401,
        message: 'Authentication failed: Invalid service key (401)',
        serverError: 'Invalid service key',
      },
    },
    {
      name: '403 with required_scope → forbidden naming the missing scope',
      reply: { status: 403, body: { error: 'Insufficient permissions', required_scope: 'write:secrets' } },
      expected: {
        kind: 'forbidden',
        status: 403,
        message: 'This key lacks the write:secrets scope (403)',
        serverError: 'Insufficient permissions',
        requiredScope: 'write:secrets',
      },
    },
    {
      name: '403 without a scope → forbidden with the server text',
      reply: { status: 403, body: { error: 'User client keys are disabled. Contact an administrator.' } },
      expected: {
        kind: 'forbidden',
        status: 403,
        message: 'Access denied: User client keys are disabled. Contact an administrator. (403)',
        serverError: 'User client keys are disabled. Contact an administrator.',
      },
    },
    {
      name: '404 Secret not found → notFound',
      reply: { status: 404, body: { error: 'Secret not found' } },
      expected: { kind: 'notFound', status: 404, message: 'Secret not found (404)', serverError: 'Secret not found' },
    },
    {
      name: '409 → conflict',
      reply: { status: 409, body: { error: 'A secret with this name already exists in the specified scope' } },
      expected: {
        kind: 'conflict',
        status: 409,
        message: 'A secret with this name already exists in the specified scope (409)',
        serverError: 'A secret with this name already exists in the specified scope',
      },
    },
    {
      name: '429 with Retry-After → rateLimited with retryAfterSeconds',
      reply: { status: 429, body: { error: 'Rate limit exceeded', retry_after: 7 }, headers: { 'retry-after': '7' } },
      expected: {
        kind: 'rateLimited',
        status: 429,
        message: 'Too many requests; retry in 7 s (429)',
        serverError: 'Rate limit exceeded',
        retryAfterSeconds: 7,
      },
    },
    {
      name: '500 with an upstream error chain → server, readable message, full serverError',
      reply: {
        status: 500,
        body: {
          error:
            'Failed to update secret: failed to update secret: ERROR: insert or update on table "secrets" violates foreign key constraint "secrets_updated_by_fkey" (SQLSTATE 23503)',
        },
      },
      expected: {
        kind: 'server',
        status: 500,
        message: 'Server error: Failed to update secret (500)',
        serverError:
          'Failed to update secret: failed to update secret: ERROR: insert or update on table "secrets" violates foreign key constraint "secrets_updated_by_fkey" (SQLSTATE 23503)',
      },
    },
    {
      name: '500 with an HTML page → server with the status',
      reply: { status: 500, body: '<html><body><h1>Internal Server Error</h1></body></html>' },
      expected: { kind: 'server', status: 500, message: 'Server error (500)' },
    },
    {
      name: '503 service_unavailable → server',
      reply: { status: 503, body: { error: 'service_unavailable', message: 'Unable to verify token status' } },
      expected: {
        kind: 'server',
        status: 503,
        message: 'Server unavailable: service_unavailable (503)',
        serverError: 'service_unavailable',
      },
    },
    {
      name: '408 → timeout',
      reply: { status: 408, body: '' },
      expected: { kind: 'timeout', status: 408, message: 'The server timed out the request (408)' },
    },
    {
      name: '413 without a JSON body → validation',
      reply: { status: 413, body: 'Request Entity Too Large' },
      expected: { kind: 'validation', status: 413, message: 'The server rejected the request (413)' },
    },
  ];

  for (const { name, reply, expected } of statusCases) {
    it(name, async () => {
      assertError(await writeFailure(reply), expected);
    });
  }

  it('404 Version <N> not found keeps the server text', async () => {
    api.on('POST', `/api/v1/secrets/${SECRET_ID}/rollback/99`, {
      status: 404,
      body: { error: 'Version 99 not found' },
    });

    const error = await failureOf(() => client.secrets.rollbackById(SECRET_ID, 99));

    assertError(error, {
      kind: 'notFound',
      status: 404,
      message: 'Version 99 not found (404)',
      serverError: 'Version 99 not found',
    });
    assert.equal(error.missingRoute, false);
  });

  it('the router 404 ({"error":"Not Found","path":…}) is notFound with missingRoute set', async () => {
    api.on('GET', `/api/v1/secrets/${SECRET_ID}/versions`, {
      status: 404,
      body: { error: 'Not Found', path: `/api/v1/secrets/${SECRET_ID}/versions` },
    });

    const error = await failureOf(() => client.secrets.getVersionsById(SECRET_ID));

    assert.equal(error.kind, 'notFound');
    assert.equal(error.missingRoute, true);
    assert.equal(error.message, 'This server does not support the request (404)');
  });

  it('a write that fails on the network → network, naming the server, and is not sent again', async () => {
    api.fail('POST', '/api/v1/secrets', 'ECONNREFUSED');
    api.on('POST', '/api/v1/secrets', {
      status: 201,
      body: secretBody({ name: 'A', scope: 'global', namespace: undefined, version: 1 }),
    });

    const error = await failureOf(() => client.secrets.create({ name: 'A', value: 'v' }));

    assertError(error, { kind: 'network', message: 'Cannot reach http://fluxbase.test:8080: connection refused' });
    assert.equal(api.requests.length, 0, 'a retry would have reached the scripted 201');
    await client.secrets.create({ name: 'A', value: 'v' });
  });

  it('an unknown transport failure → network with its code, never its message', async () => {
    api.fail('DELETE', `/api/v1/secrets/${SECRET_ID}`, 'EWEIRD');

    const error = await failureOf(() => client.secrets.deleteById(SECRET_ID));

    assertError(error, { kind: 'network', message: 'Cannot reach http://fluxbase.test:8080: EWEIRD' });
  });

  it('transport timeouts → timeout', async () => {
    api.fail('POST', '/api/v1/secrets', 'UND_ERR_HEADERS_TIMEOUT');
    api.fail('PUT', `/api/v1/secrets/${SECRET_ID}`, 'UND_ERR_CONNECT_TIMEOUT');

    const headers = await failureOf(() => client.secrets.create({ name: 'A', value: 'v' }));
    const connect = await failureOf(() => client.secrets.updateById(SECRET_ID, { description: 'd' }));

    assertError(headers, { kind: 'timeout', message: 'No response from http://fluxbase.test:8080 within 30 s' });
    assertError(connect, { kind: 'timeout', message: 'Cannot connect to http://fluxbase.test:8080 within 10 s' });
  });

  it('a 2xx body that is not JSON → malformedResponse naming the route shape', async () => {
    api.on('GET', `/api/v1/secrets/${SECRET_ID}`, { status: 200, body: '{"id": "3f25' });

    const error = await failureOf(() => client.secrets.getById(SECRET_ID));

    assertError(error, {
      kind: 'malformedResponse',
      status: 200,
      message: 'The server sent an unexpected response to GET /api/v1/secrets/:id (200)',
    });
  });

  it('FluxbaseApiError.is tells errors and kinds apart', () => {
    const error = new FluxbaseApiError('conflict', 'x');
    assert.ok(FluxbaseApiError.is(error));
    assert.ok(FluxbaseApiError.is(error, 'conflict'));
    assert.ok(!FluxbaseApiError.is(error, 'server'));
    assert.ok(!FluxbaseApiError.is(new Error('x')));
  });
});

describe('Retry-After and durations', () => {
  it('reads Retry-After as seconds or as an HTTP date, and ignores garbage', () => {
    const now = Date.parse('2026-04-01T12:00:00Z');
    assert.equal(parseRetryAfter('3'), 3);
    assert.equal(parseRetryAfter(['5', '9']), 5);
    assert.equal(parseRetryAfter('Wed, 01 Apr 2026 12:00:10 GMT', now), 10);
    assert.equal(parseRetryAfter('Wed, 01 Apr 2026 11:00:00 GMT', now), 0);
    assert.equal(parseRetryAfter('soon'), undefined);
    assert.equal(parseRetryAfter(undefined), undefined);
  });

  it('formats time limits for messages', () => {
    assert.equal(formatDuration(200), '200 ms');
    assert.equal(formatDuration(30_000), '30 s');
    assert.equal(formatDuration(1_500), '1.5 s');
  });
});
