/**
 * Contract §1.1: one test per row of the endpoint table and per cell of the
 * error table, over real HTTP against the local server.
 */
import * as assert from 'node:assert/strict';
import { createKey, RawResponse, send, SendOptions, startTestServer, TestServer } from './serverHarness';

const SECRET_KEYS = ['id', 'name', 'scope', 'version', 'created_at', 'updated_at'];
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('server: secrets endpoints (contract §1.1)', function () {
  this.timeout(30_000);
  let server: TestServer;
  let key: string;
  let counter = 0;

  const call = (method: string, path: string, options: SendOptions = {}): Promise<RawResponse> =>
    send(server.url, method, path, { ...options, headers: { 'X-Service-Key': key, ...options.headers } });
  const uniqueName = (): string => `SECRET_${++counter}`;
  async function create(body: Record<string, unknown>): Promise<{ id: string; name: string }> {
    const response = await call('POST', '/api/v1/secrets', { json: { value: 'v', ...body } });
    assert.equal(response.status, 201, response.text);
    return response.json as { id: string; name: string };
  }
  const expectError = (response: RawResponse, status: number, message: string): void => {
    assert.equal(response.status, status, response.text);
    assert.equal(response.text, JSON.stringify({ error: message }));
  };

  before(async () => {
    server = await startTestServer();
    key = createKey(server.dataDir, '*');
  });
  after(() => server.close());

  describe('endpoint table', () => {
    it('1. GET /api/v1/secrets lists SecretSummary items with is_expired', async () => {
      const secret = await create({ name: uniqueName() });
      const response = await call('GET', '/api/v1/secrets');
      assert.equal(response.status, 200);
      const items = response.json as Record<string, unknown>[];
      const item = items.find((entry) => entry.id === secret.id);
      assert.ok(item);
      assert.deepEqual(Object.keys(item), ['id', 'name', 'scope', 'version', 'is_expired', 'created_at', 'updated_at']);
      assert.equal(item.is_expired, false);
    });

    it('2. GET /api/v1/secrets/stats returns expired, expiring_soon and total in that order', async () => {
      const response = await call('GET', '/api/v1/secrets/stats');
      assert.equal(response.status, 200);
      assert.deepEqual(Object.keys(response.json as object), ['expired', 'expiring_soon', 'total']);
    });

    it('3. POST /api/v1/secrets creates version 1 and answers 201 with the Secret', async () => {
      const name = uniqueName();
      const response = await call('POST', '/api/v1/secrets', { json: { name, value: 'v' } });
      assert.equal(response.status, 201);
      const body = response.json as Record<string, unknown>;
      assert.deepEqual(Object.keys(body), SECRET_KEYS);
      assert.equal(body.name, name);
      assert.equal(body.scope, 'global');
      assert.equal(body.version, 1);
      assert.match(String(body.id), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    });

    it('4. GET /api/v1/secrets/:id returns the Secret without is_expired or a value', async () => {
      const secret = await create({ name: uniqueName(), description: 'd' });
      const response = await call('GET', `/api/v1/secrets/${secret.id}`);
      assert.equal(response.status, 200);
      const body = response.json as Record<string, unknown>;
      assert.deepEqual(Object.keys(body), [
        'id',
        'name',
        'scope',
        'description',
        'version',
        'created_at',
        'updated_at',
      ]);
      assert.equal(body.id, secret.id);
      assert.ok(!response.text.includes('"v"'));
    });

    it('5. PUT /api/v1/secrets/:id updates and returns the re-read Secret', async () => {
      const secret = await create({ name: uniqueName() });
      const response = await call('PUT', `/api/v1/secrets/${secret.id}`, { json: { value: 'new', description: 'x' } });
      assert.equal(response.status, 200);
      const body = response.json as Record<string, unknown>;
      assert.equal(body.version, 2);
      assert.equal(body.description, 'x');
    });

    it('6. DELETE /api/v1/secrets/:id deletes and says so', async () => {
      const secret = await create({ name: uniqueName() });
      const response = await call('DELETE', `/api/v1/secrets/${secret.id}`);
      assert.equal(response.status, 200);
      assert.equal(response.text, '{"message":"Secret deleted successfully"}');
      assert.equal((await call('GET', `/api/v1/secrets/${secret.id}`)).status, 404);
    });

    it('7. GET /api/v1/secrets/:id/versions lists SecretVersions newest first', async () => {
      const secret = await create({ name: uniqueName() });
      await call('PUT', `/api/v1/secrets/${secret.id}`, { json: { value: 'two' } });
      const response = await call('GET', `/api/v1/secrets/${secret.id}/versions`);
      assert.equal(response.status, 200);
      const versions = response.json as Record<string, unknown>[];
      assert.deepEqual(
        versions.map((v) => v.version),
        [2, 1],
      );
      assert.deepEqual(Object.keys(versions[0] ?? {}), ['id', 'secret_id', 'version', 'created_at']);
      assert.equal(versions[0]?.secret_id, secret.id);
    });

    it('8. POST /api/v1/secrets/:id/rollback/:version makes a new current version', async () => {
      const secret = await create({ name: uniqueName() });
      await call('PUT', `/api/v1/secrets/${secret.id}`, { json: { value: 'two' } });
      const response = await call('POST', `/api/v1/secrets/${secret.id}/rollback/1`);
      assert.equal(response.status, 200);
      assert.equal((response.json as { version: number }).version, 3);
    });

    it('9. GET /api/v1/secrets/by-name/:name returns the global secret of that name', async () => {
      const secret = await create({ name: uniqueName() });
      const response = await call('GET', `/api/v1/secrets/by-name/${secret.name}`);
      assert.equal(response.status, 200);
      assert.equal((response.json as { id: string }).id, secret.id);
    });

    it('10. PUT /api/v1/secrets/by-name/:name updates by name', async () => {
      const secret = await create({ name: uniqueName() });
      const response = await call('PUT', `/api/v1/secrets/by-name/${secret.name}`, { json: { value: 'two' } });
      assert.equal(response.status, 200);
      assert.equal((response.json as { version: number }).version, 2);
    });

    it('11. DELETE /api/v1/secrets/by-name/:name deletes by name', async () => {
      const secret = await create({ name: uniqueName() });
      const response = await call('DELETE', `/api/v1/secrets/by-name/${secret.name}`);
      assert.equal(response.status, 200);
      assert.equal(response.text, '{"message":"Secret deleted successfully"}');
      assert.equal((await call('GET', `/api/v1/secrets/${secret.id}`)).status, 404);
    });

    it('12. GET /api/v1/secrets/by-name/:name/versions lists the history by name', async () => {
      const secret = await create({ name: uniqueName() });
      const response = await call('GET', `/api/v1/secrets/by-name/${secret.name}/versions`);
      assert.equal(response.status, 200);
      assert.deepEqual(
        (response.json as { version: number }[]).map((v) => v.version),
        [1],
      );
    });

    it('13. POST /api/v1/secrets/by-name/:name/rollback/:version rolls back by name', async () => {
      const secret = await create({ name: uniqueName() });
      const response = await call('POST', `/api/v1/secrets/by-name/${secret.name}/rollback/1`, { json: {} });
      assert.equal(response.status, 200);
      assert.equal((response.json as { version: number }).version, 2);
    });
  });

  describe('error table', () => {
    it('create: 400 Invalid request body for malformed JSON', async () => {
      expectError(
        await call('POST', '/api/v1/secrets', { body: '{"name":', headers: { 'Content-Type': 'application/json' } }),
        400,
        'Invalid request body',
      );
    });
    it('create: 400 Name is required', async () => {
      expectError(await call('POST', '/api/v1/secrets', { json: { value: 'v' } }), 400, 'Name is required');
    });
    it('create: 400 Value is required', async () => {
      expectError(await call('POST', '/api/v1/secrets', { json: { name: 'N' } }), 400, 'Value is required');
    });
    it("create: 400 Scope must be 'global' or 'namespace' (case-sensitive)", async () => {
      const response = await call('POST', '/api/v1/secrets', { json: { name: 'N', value: 'v', scope: 'Global' } });
      expectError(response, 400, "Scope must be 'global' or 'namespace'");
    });
    it("create: 400 Namespace is required when scope is 'namespace' (missing or empty)", async () => {
      const missing = await call('POST', '/api/v1/secrets', { json: { name: 'N', value: 'v', scope: 'namespace' } });
      expectError(missing, 400, "Namespace is required when scope is 'namespace'");
      const empty = await call('POST', '/api/v1/secrets', {
        json: { name: 'N', value: 'v', scope: 'namespace', namespace: '' },
      });
      expectError(empty, 400, "Namespace is required when scope is 'namespace'");
    });
    it('create: 409 for a duplicate global name', async () => {
      const secret = await create({ name: uniqueName() });
      const response = await call('POST', '/api/v1/secrets', { json: { name: secret.name, value: 'v' } });
      expectError(response, 409, 'A secret with this name already exists in the specified scope');
    });
    it('get by id: 400 Invalid secret ID and 404 Secret not found', async () => {
      expectError(await call('GET', '/api/v1/secrets/not-a-uuid'), 400, 'Invalid secret ID');
      expectError(await call('GET', `/api/v1/secrets/${UNKNOWN_ID}`), 404, 'Secret not found');
    });
    it('update by id: Invalid secret ID, Invalid request body, at-least-one-field, Secret not found', async () => {
      expectError(await call('PUT', '/api/v1/secrets/nope', { json: { value: 'v' } }), 400, 'Invalid secret ID');
      expectError(
        await call('PUT', `/api/v1/secrets/${UNKNOWN_ID}`, {
          body: 'x',
          headers: { 'Content-Type': 'application/json' },
        }),
        400,
        'Invalid request body',
      );
      expectError(
        await call('PUT', `/api/v1/secrets/${UNKNOWN_ID}`, { json: {} }),
        400,
        'At least one field (value, description, or expires_at) must be provided',
      );
      expectError(
        await call('PUT', `/api/v1/secrets/${UNKNOWN_ID}`, { json: { value: 'v' } }),
        404,
        'Secret not found',
      );
    });
    it('delete by id: 400 Invalid secret ID and 404 Secret not found', async () => {
      expectError(await call('DELETE', '/api/v1/secrets/nope'), 400, 'Invalid secret ID');
      expectError(await call('DELETE', `/api/v1/secrets/${UNKNOWN_ID}`), 404, 'Secret not found');
    });
    it('versions by id: 400 Invalid secret ID; an unknown id is 200 []', async () => {
      expectError(await call('GET', '/api/v1/secrets/nope/versions'), 400, 'Invalid secret ID');
      const response = await call('GET', `/api/v1/secrets/${UNKNOWN_ID}/versions`);
      assert.equal(response.status, 200);
      assert.equal(response.text, '[]');
    });
    it('rollback by id: Invalid secret ID, Invalid version number, Version N not found (also for an unknown id)', async () => {
      expectError(await call('POST', '/api/v1/secrets/nope/rollback/1'), 400, 'Invalid secret ID');
      const secret = await create({ name: uniqueName() });
      expectError(await call('POST', `/api/v1/secrets/${secret.id}/rollback/0`), 400, 'Invalid version number');
      expectError(await call('POST', `/api/v1/secrets/${secret.id}/rollback/99`), 404, 'Version 99 not found');
      expectError(await call('POST', `/api/v1/secrets/${UNKNOWN_ID}/rollback/1`), 404, 'Version 1 not found');
    });
    it('get by name: 404 Secret not found', async () => {
      expectError(await call('GET', '/api/v1/secrets/by-name/NO_SUCH_NAME'), 404, 'Secret not found');
    });
    it('update by name: body errors come before the lookup, then 404 Secret not found', async () => {
      expectError(
        await call('PUT', '/api/v1/secrets/by-name/NO_SUCH_NAME', {
          body: '[',
          headers: { 'Content-Type': 'application/json' },
        }),
        400,
        'Invalid request body',
      );
      expectError(
        await call('PUT', '/api/v1/secrets/by-name/NO_SUCH_NAME', { json: { name: 'ignored' } }),
        400,
        'At least one field (value, description, or expires_at) must be provided',
      );
      expectError(
        await call('PUT', '/api/v1/secrets/by-name/NO_SUCH_NAME', { json: { value: 'v' } }),
        404,
        'Secret not found',
      );
    });
    it('delete by name: 404 Secret not found', async () => {
      expectError(await call('DELETE', '/api/v1/secrets/by-name/NO_SUCH_NAME'), 404, 'Secret not found');
    });
    it('versions by name: 404 Secret not found', async () => {
      expectError(await call('GET', '/api/v1/secrets/by-name/NO_SUCH_NAME/versions'), 404, 'Secret not found');
    });
    it('rollback by name: the version is checked before the lookup, then Secret not found, then Version N not found', async () => {
      expectError(
        await call('POST', '/api/v1/secrets/by-name/NO_SUCH_NAME/rollback/abc'),
        400,
        'Invalid version number',
      );
      expectError(await call('POST', '/api/v1/secrets/by-name/NO_SUCH_NAME/rollback/1'), 404, 'Secret not found');
      const secret = await create({ name: uniqueName() });
      expectError(await call('POST', `/api/v1/secrets/by-name/${secret.name}/rollback/7`), 404, 'Version 7 not found');
    });
  });
});
