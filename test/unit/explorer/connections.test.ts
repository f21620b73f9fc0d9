import * as assert from 'node:assert/strict';
import { settingsConnectionId } from '../../../src/core/connections/connection';
import { parseConnectionSettings } from '../../../src/core/connections/connectionConfig';
import {
  normalizeServerUrl,
  validateConnectionName,
  validateServerUrl,
} from '../../../src/core/connections/connectionValidation';
import {
  parseStoredCredentials,
  serializeCredentials,
  credentialStorageKey,
} from '../../../src/core/connections/credentialStore';
import { environmentConnection } from '../../../src/core/connections/environmentConnection';
import { isLoopbackHost, sendsCredentialsInClear } from '../../../src/core/connections/transportSecurity';

describe('connections', () => {
  describe('server URLs', () => {
    it('accepts http and https and drops the trailing slash', () => {
      assert.equal(normalizeServerUrl('https://fluxbase.example.com/'), 'https://fluxbase.example.com');
      assert.equal(normalizeServerUrl(' http://127.0.0.1:8080 '), 'http://127.0.0.1:8080');
      assert.equal(normalizeServerUrl('https://example.com/base/'), 'https://example.com/base');
    });

    it('refuses other schemes, credentials in the URL, queries and text that is no URL', () => {
      for (const bad of ['ftp://example.com', 'example.com', 'https://user:pw@example.com', 'https://e.com/?a=1', '']) {
        assert.equal(normalizeServerUrl(bad), undefined, bad);
        assert.equal(validateServerUrl(bad)?.severity, 'error', bad);
      }
      assert.equal(validateServerUrl('https://ok.example.com'), undefined);
    });
  });

  describe('connection names', () => {
    it('must be non-empty, without surrounding spaces and unique regardless of case', () => {
      assert.equal(validateConnectionName('', [])?.severity, 'error');
      assert.equal(validateConnectionName(' Prod', [])?.severity, 'error');
      assert.match(validateConnectionName('prod', ['Prod'])?.message ?? '', /already exists/);
      assert.equal(validateConnectionName('Staging', ['Prod']), undefined);
    });
  });

  describe('the connections setting', () => {
    it('reads user entries, then workspace entries, dropping bad ones and repeated names with a reason', () => {
      const parsed = parseConnectionSettings(
        [{ name: 'Prod', url: 'https://prod.example.com/' }, { name: 'Bad', url: 'ftp://x' }, 5],
        [
          { name: 'prod', url: 'https://evil.example.com' },
          { name: 'Dev', url: 'http://localhost:8080', tenant: 't1' },
        ],
      );
      assert.deepEqual(parsed.connections, [
        {
          id: settingsConnectionId('Prod', 'https://prod.example.com'),
          name: 'Prod',
          url: 'https://prod.example.com',
          source: 'settings',
        },
        {
          id: settingsConnectionId('Dev', 'http://localhost:8080'),
          name: 'Dev',
          url: 'http://localhost:8080',
          tenant: 't1',
          source: 'settings',
        },
      ]);
      assert.equal(parsed.problems.length, 3);
      assert.ok(parsed.problems.some((problem) => problem.includes('more than once')));
    });

    it('reports a setting that is not an array', () => {
      assert.deepEqual(parseConnectionSettings({ name: 'x' }).problems, [
        'fluxbaseSecrets.connections must be an array',
      ]);
    });

    it('gives the same name on another server another id, so stored credentials never follow a changed URL', () => {
      assert.notEqual(
        settingsConnectionId('Prod', 'https://a.example.com'),
        settingsConnectionId('Prod', 'https://b.example.com'),
      );
    });
  });

  describe('the environment connection', () => {
    it('is offered when FLUXBASE_URL and FLUXBASE_SERVICE_TOKEN are both set', () => {
      const env = environmentConnection({
        FLUXBASE_URL: 'https://ci.example.com/',
        FLUXBASE_SERVICE_TOKEN: 'sk_ci_key_0123456',
      });
      assert.deepEqual(env, {
        connection: { id: 'environment', name: 'Environment', url: 'https://ci.example.com', source: 'environment' },
        serviceKey: 'sk_ci_key_0123456',
      });
    });

    it('is not offered when either variable is missing or the URL is not http(s)', () => {
      assert.equal(environmentConnection({ FLUXBASE_URL: 'https://ci.example.com' }), undefined);
      assert.equal(environmentConnection({ FLUXBASE_SERVICE_TOKEN: 'sk' }), undefined);
      assert.equal(environmentConnection({ FLUXBASE_URL: 'nope', FLUXBASE_SERVICE_TOKEN: 'sk' }), undefined);
    });
  });

  describe('plain http', () => {
    it('counts only this machine as loopback', () => {
      for (const host of ['localhost', 'app.localhost', '127.0.0.1', '127.1.2.3', '[::1]', '::1']) {
        assert.equal(isLoopbackHost(host), true, host);
      }
      for (const host of ['example.com', '10.0.0.1', '128.0.0.1', 'localhost.example.com', '[::2]']) {
        assert.equal(isLoopbackHost(host), false, host);
      }
    });

    it('warns before sending credentials over http to another machine, not over https or to loopback', () => {
      assert.equal(sendsCredentialsInClear('http://fluxbase.internal:8080'), true);
      assert.equal(sendsCredentialsInClear('https://fluxbase.internal'), false);
      assert.equal(sendsCredentialsInClear('http://127.0.0.1:8080'), false);
      assert.equal(sendsCredentialsInClear('http://[::1]:8080'), false);
    });
  });

  describe('stored credentials', () => {
    it('round-trip through the stored blob', () => {
      for (const credentials of [
        { type: 'session' as const, accessToken: 'a', refreshToken: 'r' },
        { type: 'session' as const, accessToken: 'a' },
        { type: 'serviceKey' as const, key: 'sk_x' },
      ]) {
        assert.deepEqual(parseStoredCredentials(serializeCredentials(credentials)), credentials);
      }
    });

    it('ignores blobs that are missing, not JSON, of another version or of the wrong shape', () => {
      for (const blob of [
        undefined,
        'not json',
        '{"version":2,"credentials":{"type":"serviceKey","key":"k"}}',
        '{"version":1,"credentials":{"type":"session"}}',
        '{"version":1}',
      ]) {
        assert.equal(parseStoredCredentials(blob), undefined, String(blob));
      }
    });

    it('keys each connection separately', () => {
      assert.notEqual(credentialStorageKey('settings:a@https://x'), credentialStorageKey('settings:b@https://x'));
    });
  });
});
