import * as assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { createClient, type FluxbaseClient } from '../../../src/core/api/fluxbaseClient';
import { FluxbaseApiError } from '../../../src/core/api/fluxbaseApiError';
import { answers, FaultyServer } from '../../support/faultyServer';
import { MockApi, recordingLogger } from '../../support/mockApi';
import { SECRET_ID } from './fixtures';

const CANARY = 'canary-7f3a9c1e-value-never-shown';
const PASSWORD = 'canary-password-5b2d';
const TOKEN = 'canary-token-91c4';

/** Every way an error could be shown or logged by a caller. */
function renderings(error: unknown): string[] {
  const fields = FluxbaseApiError.is(error) ? [error.message, error.serverError ?? '', String(error.stack)] : [];
  return [...fields, String(error), inspect(error, { depth: 10 }), JSON.stringify(error) ?? ''];
}

async function errorOf(call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  assert.fail('the call should have failed');
}

describe('Secret hygiene: a canary value, password or token never appears in an error or a log line', () => {
  let api: MockApi;
  let server: FaultyServer | undefined;
  let realClient: FluxbaseClient | undefined;

  beforeEach(() => {
    api = new MockApi();
  });

  afterEach(async () => {
    await realClient?.close();
    await server?.stop();
    await api.close();
    realClient = undefined;
    server = undefined;
  });

  it('holds for every failure of create and update, through MockAgent and a real misbehaving server', async () => {
    const client = api.client({ credentials: { type: 'session', accessToken: TOKEN, refreshToken: TOKEN } });
    const echo = (status: number) => ({ status, body: { error: `Failed to create secret: bad value "${CANARY}"` } });
    api.on('POST', '/api/v1/secrets', echo(500));
    api.on('POST', '/api/v1/secrets', echo(400));
    api.on('POST', '/api/v1/secrets', { status: 201, body: { value: CANARY } });
    api.fail('POST', '/api/v1/secrets', 'ECONNRESET');
    api.on('PUT', `/api/v1/secrets/${SECRET_ID}`, { status: 409, body: { error: CANARY } });
    api.on('PUT', '/api/v1/secrets/by-name/A', { status: 401, body: { error: 'Invalid or expired Bearer token' } });
    api.on('POST', '/dashboard/auth/refresh', { status: 401, body: { error: `Invalid refresh token ${TOKEN}` } });
    api.on('POST', '/dashboard/auth/login', {
      status: 500,
      body: { error: `Login failed: invalid email or password for password ${PASSWORD}` },
    });

    server = await FaultyServer.start((request, response) =>
      request.method === 'PUT'
        ? answers.text(response, 500, 'text/html', `<pre>${request.body}</pre>`)
        : answers.resetMidResponse(response),
    );
    const serverLog: string[] = [];
    const real = createClient({
      url: server.url,
      logger: recordingLogger(serverLog),
      retry: { attempts: 0, baseDelayMs: 1 },
    });
    realClient = real;

    const errors = [
      await errorOf(() => client.secrets.create({ name: 'A', value: CANARY })),
      await errorOf(() => client.secrets.create({ name: 'A', value: CANARY })),
      await errorOf(() => client.secrets.create({ name: 'A', value: CANARY })),
      await errorOf(() => client.secrets.create({ name: 'A', value: CANARY })),
      await errorOf(() => client.secrets.updateById(SECRET_ID, { value: CANARY })),
      await errorOf(() => client.secrets.update('A', { value: CANARY })),
      await errorOf(() => client.auth.login({ email: 'a@b.c', password: PASSWORD })),
      // No scripted answer: undici's own error message quotes the request body.
      await errorOf(() => client.secrets.create({ name: 'B', value: CANARY })),
      await errorOf(() => real.secrets.create({ name: 'A', value: CANARY })),
      await errorOf(() => real.secrets.updateById(SECRET_ID, { value: CANARY })),
    ];

    assert.equal(errors.length, 10);
    for (const error of errors) {
      assert.ok(FluxbaseApiError.is(error), String(error));
      for (const text of renderings(error)) {
        for (const sacred of [CANARY, PASSWORD, TOKEN]) {
          assert.ok(!text.includes(sacred), `"${sacred}" leaked into: ${text.slice(0, 300)}`);
        }
      }
    }
    const logs = [...api.logLines, ...serverLog];
    assert.ok(logs.length >= 10, 'the calls were logged');
    for (const line of logs) {
      for (const sacred of [CANARY, PASSWORD, TOKEN]) {
        assert.ok(!line.includes(sacred), `"${sacred}" leaked into the log: ${line}`);
      }
    }
  });

  it('keeps the rest of an echoing server text readable', async () => {
    const client = api.client();
    api.on('POST', '/api/v1/secrets', { status: 400, body: { error: `Value ${CANARY} is too long` } });

    const error = await errorOf(() => client.secrets.create({ name: 'A', value: CANARY }));

    assert.ok(FluxbaseApiError.is(error, 'validation'));
    assert.equal(error.serverError, 'Value [redacted] is too long');
    assert.equal(error.message, 'The server rejected the request: Value [redacted] is too long (400)');
  });
});
