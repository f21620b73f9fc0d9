import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBaseUrl } from '../../../src/core/api/baseUrl';
import { createClient } from '../../../src/core/api/fluxbaseClient';
import { FluxbaseApiError } from '../../../src/core/api/fluxbaseApiError';
import { CLIENT_VERSION, DEFAULT_USER_AGENT } from '../../../src/core/api/version';
import { MockApi } from '../../support/mockApi';
import { secretBody } from './fixtures';

describe('HTTP transport: URL, headers, credentials and the request log', () => {
  let api: MockApi;

  beforeEach(() => {
    api = new MockApi();
  });

  afterEach(async () => {
    api.assertAllUsed();
    await api.close();
  });

  it('sends User-Agent fluxbase-secrets-vscode/<package.json version> by default, or the one given', async () => {
    api.on('GET', '/api/v1/secrets', { status: 200, body: [] }, 2);

    await api.client().secrets.list();
    await api.client({ userAgent: 'custom/1' }).secrets.list();

    const manifest = JSON.parse(readFileSync(join(__dirname, '../../../../package.json'), 'utf8')) as {
      version: string;
    };
    assert.equal(CLIENT_VERSION, manifest.version, 'version.ts must follow package.json');
    assert.equal(api.requests[0]?.headers['user-agent'], `fluxbase-secrets-vscode/${manifest.version}`);
    assert.equal(DEFAULT_USER_AGENT, `fluxbase-secrets-vscode/${manifest.version}`);
    assert.equal(api.requests[1]?.headers['user-agent'], 'custom/1');
  });

  it('sends X-FB-Tenant only when a tenant is configured', async () => {
    api.on('GET', '/api/v1/secrets/stats', { status: 200, body: { total: 0, expired: 0, expiring_soon: 0 } }, 2);

    await api.client({ tenant: '11111111-2222-4333-8444-555555555555' }).secrets.stats();
    await api.client().secrets.stats();

    assert.equal(api.requests[0]?.headers['x-fb-tenant'], '11111111-2222-4333-8444-555555555555');
    assert.equal(api.requests[1]?.headers['x-fb-tenant'], undefined);
  });

  it('sends Bearer for a session, X-Service-Key for a service key, never both, and neither without credentials', async () => {
    api.on('GET', '/api/v1/secrets', { status: 200, body: [] }, 3);
    const client = api.client({ credentials: { type: 'session', accessToken: 'tok-1' } });

    await client.secrets.list();
    client.auth.useServiceKey('  sk_0123456789abcdef  ');
    await client.secrets.list();
    client.auth.signOut();
    await client.secrets.list();

    const [bearer, key, none] = api.requests;
    assert.equal(bearer?.headers['authorization'], 'Bearer tok-1');
    assert.equal(bearer?.headers['x-service-key'], undefined);
    assert.equal(key?.headers['x-service-key'], 'sk_0123456789abcdef');
    assert.equal(key?.headers['authorization'], undefined);
    assert.equal(none?.headers['authorization'], undefined);
    assert.equal(none?.headers['x-service-key'], undefined);
  });

  it('keeps a path prefix of the base URL and strips exactly one trailing slash', async () => {
    const prefixed = new MockApi('http://fluxbase.test:8080/base/');
    prefixed.on('GET', '/base/api/v1/secrets/stats', { status: 200, body: { total: 0, expired: 0, expiring_soon: 0 } });
    const client = prefixed.client();

    try {
      await client.secrets.stats();
    } finally {
      await prefixed.close();
    }

    assert.equal(client.url, 'http://fluxbase.test:8080/base');
    assert.equal(prefixed.requests[0]?.path, '/base/api/v1/secrets/stats');
  });

  it('parses base URLs as the SDK joins them, and refuses non-http URLs', () => {
    assert.deepEqual(parseBaseUrl('http://localhost:8080'), {
      url: 'http://localhost:8080',
      origin: 'http://localhost:8080',
      pathPrefix: '',
      displayUrl: 'http://localhost:8080',
    });
    assert.equal(parseBaseUrl('https://user:pw@example.com/fb/').displayUrl, 'https://example.com/fb');
    assert.equal(parseBaseUrl('http://localhost:8080//').pathPrefix, '/');
    assert.throws(
      () => createClient({ url: 'ftp://example.com' }),
      (e) => FluxbaseApiError.is(e, 'validation'),
    );
    assert.throws(
      () => createClient({ url: 'not a url' }),
      (e) => FluxbaseApiError.is(e, 'validation'),
    );
  });

  it('logs one debug line per request with method, route shape, status and ms, but no name, query or token', async () => {
    api.on('GET', '/api/v1/secrets/by-name/STRIPE_KEY?namespace=payments', { status: 200, body: secretBody() });
    api.on('GET', '/api/v1/secrets?namespace=payments', { status: 500, body: { error: 'Failed to list secrets' } });
    const client = api.client({ credentials: { type: 'session', accessToken: 'tok-secret-1' } });

    await client.secrets.get('STRIPE_KEY', { namespace: 'payments' });
    await assert.rejects(client.secrets.list({ namespace: 'payments' }));

    assert.equal(api.logLines.length, 2);
    assert.match(api.logLines[0] ?? '', /^HTTP GET \/api\/v1\/secrets\/by-name\/:name 200 \d+ms$/);
    assert.match(api.logLines[1] ?? '', /^HTTP GET \/api\/v1\/secrets 500 \d+ms$/);
    for (const line of api.logLines) {
      assert.ok(!line.includes('STRIPE_KEY') && !line.includes('payments') && !line.includes('tok-secret-1'), line);
    }
  });

  it('sends no Content-Type on requests without a body and application/json on those with one', async () => {
    api.on('DELETE', '/api/v1/secrets/x', { status: 200, body: { message: 'Secret deleted successfully' } });
    api.on('POST', '/api/v1/secrets/x/rollback/1', { status: 200, body: secretBody() });
    const client = api.client();

    await client.secrets.deleteById('x');
    await client.secrets.rollbackById('x', 1);

    assert.equal(api.requests[0]?.headers['content-type'], undefined);
    assert.equal(api.requests[1]?.headers['content-type'], 'application/json');
  });
});
