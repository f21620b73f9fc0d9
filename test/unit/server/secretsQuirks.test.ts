/**
 * The quirks a client meets on a real server (contract §1.0–§1.3), each
 * reproduced by the local server.
 */
import * as assert from 'node:assert/strict';
import { createKey, RawResponse, send, SendOptions, startTestServer, TestServer } from './serverHarness';

interface SecretBody {
  id: string;
  name: string;
  version: number;
  description?: string;
  expires_at?: string;
  created_at: string;
  updated_at: string;
  created_by?: string;
  updated_by?: string;
  namespace?: string;
}

const HOUR = 3600;
const DAY = 24 * HOUR;

describe('server: secrets quirks', function () {
  this.timeout(30_000);
  let server: TestServer;
  let key: string;
  let counter = 0;

  const call = (method: string, path: string, options: SendOptions = {}): Promise<RawResponse> =>
    send(server.url, method, path, { ...options, headers: { 'X-Service-Key': key, ...options.headers } });
  const uniqueName = (): string => `Q_${++counter}`;
  async function create(body: Record<string, unknown>): Promise<SecretBody> {
    const response = await call('POST', '/api/v1/secrets', { json: { name: uniqueName(), value: 'v', ...body } });
    assert.equal(response.status, 201, response.text);
    return response.json as SecretBody;
  }
  const isoIn = (seconds: number): string => new Date(server.clock.micros / 1000 + seconds * 1000).toISOString();
  const listed = async (query = ''): Promise<SecretBody[]> =>
    (await call('GET', `/api/v1/secrets${query}`)).json as SecretBody[];

  beforeEach(async () => {
    server = await startTestServer();
    key = createKey(server.dataDir, '*');
  });
  afterEach(() => server.close());

  describe('responses', () => {
    it('201 echoes expires_at with the offset and precision sent, and description "" as ""', async () => {
      const body = await create({ expires_at: '2031-05-06T07:08:09.123456789+05:30', description: '' });
      assert.equal(body.expires_at, '2031-05-06T07:08:09.123456789+05:30');
      assert.equal(body.description, '');
      assert.equal(body.created_at, body.updated_at);
      const read = (await call('GET', `/api/v1/secrets/${body.id}`)).json as SecretBody;
      assert.equal(read.expires_at, '2031-05-06T01:38:09.123456Z');
      assert.equal(read.description, '');
    });

    it('times are Go RFC 3339 in UTC with trailing zeros trimmed', async () => {
      const body = await create({ expires_at: '2030-01-01T00:00:00.500Z' });
      assert.equal(body.expires_at, '2030-01-01T00:00:00.5Z');
      const whole = await create({ expires_at: '2030-01-01T10:00:00.000+00:00' });
      assert.equal(whole.expires_at, '2030-01-01T10:00:00Z');
      assert.match(whole.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?Z$/);
      assert.doesNotMatch(whole.created_at, /\.\d*0Z$/);
    });

    it('is_expired appears only in list items and is true only for a past expiry', async () => {
      const expired = await create({ expires_at: isoIn(-HOUR) });
      const live = await create({ expires_at: isoIn(HOUR) });
      const items = (await call('GET', '/api/v1/secrets')).json as { id: string; is_expired: boolean }[];
      assert.equal(items.find((s) => s.id === expired.id)?.is_expired, true);
      assert.equal(items.find((s) => s.id === live.id)?.is_expired, false);
      const single = await call('GET', `/api/v1/secrets/${expired.id}`);
      assert.equal('is_expired' in (single.json as object), false);
    });

    it('namespace is dropped for global secrets and kept for namespace secrets', async () => {
      const global = await create({ namespace: 'ignored' });
      assert.equal('namespace' in global, false);
      const scoped = await create({ scope: 'namespace', namespace: 'team' });
      assert.equal(scoped.namespace, 'team');
    });
  });

  describe('versions and rollback', () => {
    it('versions are newest first and include the current version', async () => {
      const secret = await create({});
      await call('PUT', `/api/v1/secrets/${secret.id}`, { json: { value: 'two' } });
      await call('PUT', `/api/v1/secrets/${secret.id}`, { json: { value: 'three' } });
      const versions = (await call('GET', `/api/v1/secrets/${secret.id}/versions`)).json as { version: number }[];
      assert.deepEqual(
        versions.map((v) => v.version),
        [3, 2, 1],
      );
    });

    it('rollback makes current+1, keeps description and expiry, and may target the current version', async () => {
      const secret = await create({ description: 'd', expires_at: '2032-01-01T00:00:00Z' });
      await call('PUT', `/api/v1/secrets/${secret.id}`, { json: { value: 'two' } });
      const rolled = (await call('POST', `/api/v1/secrets/${secret.id}/rollback/1`)).json as SecretBody;
      assert.equal(rolled.version, 3);
      assert.equal(rolled.description, 'd');
      assert.equal(rolled.expires_at, '2032-01-01T00:00:00Z');
      const again = (await call('POST', `/api/v1/secrets/${secret.id}/rollback/3`)).json as SecretBody;
      assert.equal(again.version, 4);
      const versions = (await call('GET', `/api/v1/secrets/${secret.id}/versions`)).json as unknown[];
      assert.equal(versions.length, 4);
    });

    it('an empty value is accepted on update and still makes a new version; description alone does not', async () => {
      const secret = await create({});
      const emptied = (await call('PUT', `/api/v1/secrets/${secret.id}`, { json: { value: '' } })).json as SecretBody;
      assert.equal(emptied.version, 2);
      const described = (await call('PUT', `/api/v1/secrets/${secret.id}`, { json: { description: 'only' } }))
        .json as SecretBody;
      assert.equal(described.version, 2);
      const versions = (await call('GET', `/api/v1/secrets/${secret.id}/versions`)).json as unknown[];
      assert.equal(versions.length, 2);
    });

    it('null fields count as not provided, so expiry cannot be cleared', async () => {
      const secret = await create({ expires_at: '2033-01-01T00:00:00Z' });
      const response = await call('PUT', `/api/v1/secrets/${secret.id}`, { json: { expires_at: null } });
      assert.equal(response.status, 400);
      assert.equal(
        response.text,
        '{"error":"At least one field (value, description, or expires_at) must be provided"}',
      );
    });

    it('deleting a secret deletes its history', async () => {
      const secret = await create({});
      await call('DELETE', `/api/v1/secrets/${secret.id}`);
      assert.equal((await call('GET', `/api/v1/secrets/${secret.id}/versions`)).text, '[]');
    });
  });

  describe('cached reads', () => {
    it('reads reflect every write at once', async () => {
      const secret = await create({ name: 'CACHED' });
      assert.equal(((await call('GET', '/api/v1/secrets/by-name/CACHED')).json as SecretBody).version, 1);
      assert.equal((await listed()).length, 1);
      await call('PUT', '/api/v1/secrets/by-name/CACHED', { json: { value: 'two' } });
      assert.equal(((await call('GET', '/api/v1/secrets/by-name/CACHED')).json as SecretBody).version, 2);
      assert.equal((await listed())[0]?.version, 2);
      await call('DELETE', `/api/v1/secrets/${secret.id}`);
      assert.equal((await call('GET', '/api/v1/secrets/by-name/CACHED')).status, 404);
      assert.equal((await listed()).length, 0);
    });

    it('is_expired turns true once the clock passes expires_at, without any write', async () => {
      await create({ name: 'SOON', expires_at: isoIn(10) });
      const expiredFlag = async (): Promise<unknown> =>
        ((await call('GET', '/api/v1/secrets')).json as { is_expired: boolean }[])[0]?.is_expired;
      assert.equal(await expiredFlag(), false);
      server.clock.advanceSeconds(10);
      assert.equal(await expiredFlag(), false);
      server.clock.advanceSeconds(1);
      assert.equal(await expiredFlag(), true);
    });
  });

  describe('stats', () => {
    it('counts with strict bounds: exactly now and exactly now+7d fall in no bucket', async () => {
      await create({});
      await create({ expires_at: isoIn(3 * DAY) });
      await create({ expires_at: isoIn(-HOUR) });
      await create({ expires_at: isoIn(0) });
      await create({ expires_at: isoIn(7 * DAY) });
      await create({ expires_at: isoIn(7 * DAY - 1) });
      const stats = (await call('GET', '/api/v1/secrets/stats')).json;
      assert.deepEqual(stats, { expired: 1, expiring_soon: 2, total: 6 });
    });

    it('ignores query parameters', async () => {
      await create({ scope: 'namespace', namespace: 'n1' });
      const stats = (await call('GET', '/api/v1/secrets/stats?scope=global&namespace=zzz')).json;
      assert.deepEqual(stats, { expired: 0, expiring_soon: 0, total: 1 });
    });
  });

  describe('list filters and order', () => {
    it('scope is not validated: unknown values give []', async () => {
      await create({});
      for (const scope of ['all', 'Global', 'x']) {
        assert.equal((await call('GET', `/api/v1/secrets?scope=${scope}`)).text, '[]');
      }
    });

    it('filters are ANDed; a global secret never matches a namespace filter; empty values are no filter', async () => {
      const global = await create({ name: 'SAME' });
      const scoped = await create({ name: 'SAME', scope: 'namespace', namespace: 'team' });
      assert.deepEqual(
        (await listed('?scope=global')).map((s) => s.id),
        [global.id],
      );
      assert.deepEqual(
        (await listed('?namespace=team')).map((s) => s.id),
        [scoped.id],
      );
      assert.equal((await call('GET', '/api/v1/secrets?scope=global&namespace=team')).text, '[]');
      assert.equal((await listed('?scope=&namespace=')).length, 2);
    });

    it('orders by scope, then namespace, then name', async () => {
      await create({ name: 'b', scope: 'namespace', namespace: 'z' });
      await create({ name: 'a', scope: 'namespace', namespace: 'z' });
      await create({ name: 'c', scope: 'namespace', namespace: 'y' });
      await create({ name: 'B' });
      await create({ name: 'A' });
      const order = (await listed()).map((s) => `${s.namespace ?? '-'}/${s.name}`);
      assert.deepEqual(order, ['-/A', '-/B', 'y/c', 'z/a', 'z/b']);
    });

    it('uniqueness is per scope: the same name may exist globally and in two namespaces', async () => {
      await create({ name: 'DUP' });
      await create({ name: 'DUP', scope: 'namespace', namespace: 'a' });
      await create({ name: 'DUP', scope: 'namespace', namespace: 'b' });
      const clash = await call('POST', '/api/v1/secrets', {
        json: { name: 'DUP', value: 'v', scope: 'namespace', namespace: 'a' },
      });
      assert.equal(clash.status, 409);
      const caseDiffers = await call('POST', '/api/v1/secrets', { json: { name: 'dup', value: 'v' } });
      assert.equal(caseDiffers.status, 201);
    });
  });

  describe('by-name addressing', () => {
    it('without namespace only the global secret is reached; with it only that namespace', async () => {
      const global = await create({ name: 'SHARED' });
      const scoped = await create({ name: 'SHARED', scope: 'namespace', namespace: 'team' });
      const other = await create({ name: 'ONLY_NS', scope: 'namespace', namespace: 'team' });
      assert.equal(((await call('GET', '/api/v1/secrets/by-name/SHARED')).json as SecretBody).id, global.id);
      assert.equal(
        ((await call('GET', '/api/v1/secrets/by-name/SHARED?namespace=team')).json as SecretBody).id,
        scoped.id,
      );
      assert.equal((await call('GET', '/api/v1/secrets/by-name/ONLY_NS')).status, 404);
      assert.equal((await call('GET', `/api/v1/secrets/by-name/${other.name}?namespace=elsewhere`)).status, 404);
    });

    it('path parameters are not percent-decoded', async () => {
      await create({ name: 'with space' });
      assert.equal((await call('GET', '/api/v1/secrets/by-name/with%20space')).status, 404);
      const literal = await create({ name: 'with%20space' });
      const response = await call('GET', '/api/v1/secrets/by-name/with%20space');
      assert.equal((response.json as SecretBody).id, literal.id);
    });

    it('GET /api/v1/secrets/by-name alone is the /:id route: 400 Invalid secret ID', async () => {
      const response = await call('GET', '/api/v1/secrets/by-name');
      assert.equal(response.text, '{"error":"Invalid secret ID"}');
    });
  });

  describe('routing', () => {
    it('a trailing slash is optional', async () => {
      const secret = await create({});
      assert.equal((await call('GET', '/api/v1/secrets/')).status, 200);
      assert.equal((await call('GET', `/api/v1/secrets/${secret.id}//`)).status, 200);
      assert.equal((await call('POST', '/api/v1/secrets/', { json: { name: 'SLASH', value: 'v' } })).status, 201);
    });

    it('path matching ignores case, but names keep theirs', async () => {
      await create({ name: 'MiXeD' });
      assert.deepEqual(Object.keys((await call('GET', '/API/V1/Secrets/STATS')).json as object), [
        'expired',
        'expiring_soon',
        'total',
      ]);
      assert.equal((await call('GET', '/api/v1/SECRETS/BY-NAME/MiXeD')).status, 200);
      assert.equal((await call('GET', '/api/v1/secrets/by-name/mixed')).status, 404);
    });

    it('an unknown route under the prefix is authenticated first, then 404 with its raw path', async () => {
      const unauthenticated = await send(server.url, 'GET', '/api/v1/secrets/a/b/c');
      assert.equal(unauthenticated.status, 401);
      const response = await call('PATCH', '/api/v1/secrets/A%20b/x/?q=1');
      assert.equal(response.status, 404);
      assert.equal(response.text, '{"error":"Not Found","path":"/api/v1/secrets/A%20b/x/"}');
      assert.equal((await call('POST', '/api/v1/secrets/stats')).status, 404);
    });

    it('a route outside the API is 404 without authentication', async () => {
      const response = await send(server.url, 'GET', '/nothing/here');
      assert.equal(response.text, '{"error":"Not Found","path":"/nothing/here"}');
    });

    it('ids are parsed like google/uuid: 32 hex, urn:uuid:, braces, upper case', async () => {
      const secret = await create({});
      const compact = secret.id.replace(/-/g, '');
      for (const form of [compact, `urn:uuid:${secret.id}`, `{${secret.id}}`, secret.id.toUpperCase()]) {
        const response = await call('GET', `/api/v1/secrets/${form}`);
        assert.equal((response.json as SecretBody).id, secret.id, form);
      }
      assert.equal((await call('GET', `/api/v1/secrets/${secret.id}0`)).status, 400);
    });

    it('versions are parsed like Sscanf("%d"): sign and trailing junk allowed, 0x10 and overflow not', async () => {
      const secret = await create({});
      assert.equal((await call('POST', `/api/v1/secrets/${secret.id}/rollback/+1`)).status, 200);
      assert.equal((await call('POST', `/api/v1/secrets/${secret.id}/rollback/1abc`)).status, 200);
      assert.equal(
        (await call('POST', `/api/v1/secrets/${secret.id}/rollback/0x10`)).text,
        '{"error":"Invalid version number"}',
      );
      assert.equal((await call('POST', `/api/v1/secrets/${secret.id}/rollback/-1`)).status, 400);
      assert.equal((await call('POST', `/api/v1/secrets/${secret.id}/rollback/99999999999999999999`)).status, 400);
      assert.equal(
        (await call('POST', `/api/v1/secrets/${secret.id}/rollback/0009223372036854775807`)).text,
        '{"error":"Version 9223372036854775807 not found"}',
      );
    });
  });

  describe('request bodies', () => {
    it('needs Content-Type application/json (parameters and vendor +json types allowed)', async () => {
      const body = JSON.stringify({ name: 'CT', value: 'v' });
      const missing = await call('POST', '/api/v1/secrets', { body });
      assert.equal(missing.text, '{"error":"Invalid request body"}');
      const plain = await call('POST', '/api/v1/secrets', { body, headers: { 'Content-Type': 'text/plain' } });
      assert.equal(plain.status, 400);
      const charset = await call('POST', '/api/v1/secrets', {
        body,
        headers: { 'Content-Type': 'Application/JSON; charset=utf-8' },
      });
      assert.equal(charset.status, 201);
      const vendor = await call('POST', '/api/v1/secrets', {
        body: JSON.stringify({ name: 'CT2', value: 'v' }),
        headers: { 'Content-Type': 'application/vnd.api+json' },
      });
      assert.equal(vendor.status, 201);
    });

    it('matches keys case-insensitively, the last duplicate wins, unknown keys are ignored', async () => {
      const response = await call('POST', '/api/v1/secrets', {
        body: '{"NAME":"first","Value":"v","name":"second","extra":{"deep":[1,2,{"x":null}]},"DESCRIPTION":"d"}',
        headers: { 'Content-Type': 'application/json' },
      });
      assert.equal(response.status, 201);
      const body = response.json as SecretBody;
      assert.equal(body.name, 'second');
      assert.equal(body.description, 'd');
    });

    it('a wrongly typed field is 400 Invalid request body', async () => {
      for (const json of [
        { name: 5, value: 'v' },
        { name: 'T', value: true },
        { name: 'T', value: 'v', description: [] },
      ]) {
        const response = await call('POST', '/api/v1/secrets', { json });
        assert.equal(response.text, '{"error":"Invalid request body"}', JSON.stringify(json));
      }
    });

    it('expires_at must be RFC 3339 with a zone; toISOString() output is fine; the past is allowed', async () => {
      for (const expiresAt of ['2030-01-01', '2030-01-01T00:00:00', '2030-01-01 00:00:00Z', 'tomorrow', 5]) {
        const response = await call('POST', '/api/v1/secrets', {
          json: { name: uniqueName(), value: 'v', expires_at: expiresAt },
        });
        assert.equal(response.text, '{"error":"Invalid request body"}', String(expiresAt));
      }
      assert.equal((await create({ expires_at: new Date().toISOString() })).version, 1);
      assert.equal((await create({ expires_at: '1999-01-01T00:00:00Z' })).version, 1);
    });

    it('a null body decodes to nothing, so the name check answers', async () => {
      const response = await call('POST', '/api/v1/secrets', {
        body: 'null',
        headers: { 'Content-Type': 'application/json' },
      });
      assert.equal(response.text, '{"error":"Name is required"}');
    });

    it('names and values are not trimmed or restricted', async () => {
      const secret = await create({ name: '  spaced name ✓  ', value: '  ' });
      assert.equal(secret.name, '  spaced name ✓  ');
    });
  });
});
