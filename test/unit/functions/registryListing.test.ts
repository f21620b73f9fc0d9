import * as assert from 'node:assert/strict';
import { isEdgeFunctionSummary, isJobFunctionSummary } from '../../../src/core/api/registryGuards';
import { FluxbaseApiError } from '../../../src/core/api/fluxbaseApiError';
import {
  listConnectionRegistry,
  RegistryCache,
  SERVICE_KEY_CANNOT_LIST_JOBS,
  type RegistryClient,
} from '../../../src/core/functions/registryListing';
import { mockApiPerTest, recordingLogger } from '../../support/mockApi';

/** An EdgeFunctionSummary as EU sends it (nullable fields as null). */
function functionBody(name: string, namespace: string, overrides: Record<string, unknown> = {}) {
  return {
    id: `id-${name}-${namespace}`,
    name,
    namespace,
    description: null,
    is_bundled: false,
    bundle_error: null,
    version: 1,
    cron_schedule: null,
    enabled: true,
    timeout_seconds: 30,
    memory_limit_mb: 128,
    allow_net: true,
    allow_env: true,
    allow_read: false,
    allow_write: false,
    allow_unauthenticated: false,
    is_public: true,
    disable_execution_logs: false,
    cors_origins: null,
    cors_methods: null,
    cors_headers: null,
    cors_credentials: null,
    cors_max_age: null,
    rate_limit_per_minute: null,
    rate_limit_per_hour: null,
    rate_limit_per_day: null,
    created_at: '2026-03-24T21:32:19.123456Z',
    updated_at: '2026-03-24T21:32:19.123456Z',
    created_by: null,
    source: '',
    ...overrides,
  };
}

/** A JobFunctionSummary as EU sends it (empty fields omitted). */
function jobBody(name: string, namespace: string, overrides: Record<string, unknown> = {}) {
  return {
    id: `job-${name}`,
    name,
    namespace,
    is_bundled: true,
    enabled: true,
    schedule: '0 2 * * *',
    timeout_seconds: 300,
    memory_limit_mb: 256,
    max_retries: 0,
    progress_timeout_seconds: 300,
    allow_net: true,
    allow_env: true,
    allow_read: false,
    allow_write: false,
    disable_execution_logs: false,
    version: 1,
    source: 'api',
    created_at: '2026-03-24T21:32:19.123456Z',
    updated_at: '2026-03-24T21:32:19.123456Z',
    ...overrides,
  };
}

describe('Registry list calls: client.registry against the routes of contract part 3', () => {
  const fixture = mockApiPerTest();

  it('lists functions of every namespace (no namespace query) and jobs from the admin route, with the Bearer token', async () => {
    fixture.api.on('GET', '/api/v1/functions/', {
      status: 200,
      body: [functionBody('charge', 'billing'), functionBody('x', '')],
    });
    fixture.api.on('GET', '/api/v1/admin/jobs/functions', { status: 200, body: [jobBody('nightly', 'default')] });
    const client = fixture.api.client({ credentials: { type: 'session', accessToken: 'tok' } });
    const registry = await listConnectionRegistry(client);
    assert.deepEqual(registry, {
      functions: {
        state: 'listed',
        units: [
          { name: 'charge', namespace: 'billing' },
          { name: 'x', namespace: '' },
        ],
      },
      jobs: { state: 'listed', units: [{ name: 'nightly', namespace: 'default' }] },
    });
    for (const request of fixture.api.requests) {
      assert.equal(request.headers['authorization'], 'Bearer tok');
      assert.ok(!request.path.includes('?'), 'no namespace filter');
    }
  });

  it('a null body (no rows, Go nil slice) is an empty list', async () => {
    fixture.api.on('GET', '/api/v1/functions/', { status: 200, body: 'null' });
    fixture.api.on('GET', '/api/v1/admin/jobs/functions', { status: 200, body: 'null' });
    const client = fixture.api.client({ credentials: { type: 'session', accessToken: 'tok' } });
    assert.deepEqual(await client.registry.listFunctions(), []);
    assert.deepEqual(await client.registry.listJobFunctions(), []);
  });

  it('403 on functions: unavailable, with the reason; jobs still listed', async () => {
    fixture.api.on('GET', '/api/v1/functions/', {
      status: 403,
      body: { error: 'Admin access required to list functions' },
    });
    fixture.api.on('GET', '/api/v1/admin/jobs/functions', { status: 200, body: [] });
    const client = fixture.api.client({ credentials: { type: 'session', accessToken: 'tok' } });
    const registry = await listConnectionRegistry(client);
    assert.deepEqual(registry.functions, {
      state: 'unavailable',
      reason: 'this credential cannot list functions (403)',
    });
    assert.equal(registry.jobs.state, 'listed');
  });

  it('a service key lists functions with X-Service-Key and never calls the admin jobs route', async () => {
    fixture.api.on('GET', '/api/v1/functions/', { status: 200, body: [] });
    const client = fixture.api.client({ credentials: { type: 'serviceKey', key: 'sk_test_0123456789abcdef' } });
    const registry = await listConnectionRegistry(client);
    assert.deepEqual(registry.jobs, { state: 'unavailable', reason: SERVICE_KEY_CANNOT_LIST_JOBS });
    assert.equal(fixture.api.sent('GET', '/api/v1/admin/jobs/functions').length, 0);
    assert.equal(
      fixture.api.sent('GET', '/api/v1/functions/')[0]?.headers['x-service-key'],
      'sk_test_0123456789abcdef',
    );
  });

  it('a server without the jobs route (404) and a malformed body are unavailable, never a rejection', async () => {
    fixture.api.on('GET', '/api/v1/functions/', { status: 200, body: [{ name: 'no-id' }] });
    fixture.api.on('GET', '/api/v1/admin/jobs/functions', {
      status: 404,
      body: { error: 'Not Found', path: '/api/v1/admin/jobs/functions' },
    });
    const client = fixture.api.client({ credentials: { type: 'session', accessToken: 'tok' } });
    const registry = await listConnectionRegistry(client);
    assert.equal(registry.functions.state, 'unavailable');
    assert.match(
      registry.functions.state === 'unavailable' ? registry.functions.reason : '',
      /^listing functions failed: /,
    );
    assert.deepEqual(registry.jobs, { state: 'unavailable', reason: 'the server does not list jobs (404)' });
  });
});

describe('Registry guards: the list item shapes of EU', () => {
  it('EdgeFunctionSummary: description is null or a string, never absent; namespace may be ""', () => {
    assert.ok(isEdgeFunctionSummary(functionBody('a', '')));
    assert.ok(isEdgeFunctionSummary(functionBody('a', 'b', { description: 'd', tenant_id: 'extra' })));
    for (const [field, value] of Object.entries({
      id: 5,
      name: '',
      namespace: null,
      description: undefined,
      enabled: 'yes',
      version: 1.5,
      source: null,
      created_at: undefined,
      updated_at: 0,
    })) {
      const broken: Record<string, unknown> = { ...functionBody('a', 'b'), [field]: value };
      if (value === undefined) {
        delete broken[field];
      }
      assert.ok(!isEdgeFunctionSummary(broken), field);
    }
  });

  it('JobFunctionSummary: description and schedule omitted when empty, typed when present', () => {
    assert.ok(isJobFunctionSummary(jobBody('a', 'default', { schedule: undefined })));
    assert.ok(!isJobFunctionSummary(jobBody('a', 'default', { schedule: null })));
    assert.ok(!isJobFunctionSummary(jobBody('a', 'default', { description: 3 })));
    assert.ok(!isJobFunctionSummary({ ...jobBody('a', 'x'), namespace: 7 }));
  });
});

describe('RegistryCache: the last listing per connection, logged once', () => {
  function fakeClient(
    outcome: () => Promise<{ name: string; namespace: string }[]>,
  ): RegistryClient & { calls: number } {
    const client = {
      calls: 0,
      auth: { credentials: { type: 'session' as const, accessToken: 't' } },
      registry: {
        listFunctions: () => {
          client.calls++;
          return outcome();
        },
        listJobFunctions: () => Promise.resolve([]),
      },
    };
    return client;
  }

  it('one list call per refresh; says why it cannot list once, not on every refresh', async () => {
    const lines: string[] = [];
    const cache = new RegistryCache(recordingLogger(lines));
    const forbidden = fakeClient(() => Promise.reject(new FluxbaseApiError('forbidden', 'HTTP 403', { status: 403 })));
    await cache.refresh('local', 'Local', forbidden);
    await cache.refresh('local', 'Local', forbidden);
    assert.equal(forbidden.calls, 2);
    assert.equal(lines.filter((l) => l.includes('cannot list functions')).length, 1);
    assert.equal(cache.get('local')?.functions.state, 'unavailable');
    cache.dispose();
  });

  it('fires when a listing changes, not when it is the same; forget drops it', async () => {
    const cache = new RegistryCache(recordingLogger([]));
    let fired = 0;
    cache.onDidChange(() => fired++);
    let units = [{ name: 'a', namespace: 'billing' }];
    const client = fakeClient(() => Promise.resolve(units));
    await cache.refresh('local', 'Local', client);
    await cache.refresh('local', 'Local', client);
    assert.equal(fired, 1);
    units = [{ name: 'a', namespace: 'default' }];
    await cache.refresh('local', 'Local', client);
    assert.equal(fired, 2);
    cache.forget('local');
    assert.equal(cache.get('local'), undefined);
    assert.equal(fired, 3);
    cache.dispose();
  });

  it('a refresh overtaken by a newer one (or by forget) does not store its stale answer', async () => {
    const cache = new RegistryCache(recordingLogger([]));
    let release: (units: { name: string; namespace: string }[]) => void = () => undefined;
    const slow = fakeClient(() => new Promise((resolve) => (release = resolve)));
    const pending = cache.refresh('local', 'Local', slow);
    cache.forget('local');
    release([{ name: 'stale', namespace: 'x' }]);
    await pending;
    assert.equal(cache.get('local'), undefined);
    cache.dispose();
  });
});
