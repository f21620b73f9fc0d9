/**
 * The sync IP allowlist (contract part 3, §5 "IP allowlist"): EU's defaults
 * allow IPv4 loopback and refuse IPv6 `::1` with the contract's 403 text,
 * before authentication; configured ranges replace the defaults, an empty
 * list allows everyone, and the environment variables are validated.
 */
import * as assert from 'node:assert/strict';
import { serverOptionsFromEnv } from '../../../../server/config/envConfig';
import { IpAllowlist, parseIpRanges } from '../../../../server/auth/syncAllowlist';
import { send } from '../serverHarness';
import { RegistryServer, startRegistryServer } from './registryHarness';

const FUNCTIONS_DENIED = '{"error":"Access denied - IP not allowlisted for functions sync"}';
const JOBS_DENIED = '{"error":"Access denied - IP not allowlisted for jobs sync"}';
const BODY = { namespace: 'probe', functions: [{ name: 'f', code: 'x' }], jobs: [{ name: 'j', code: 'y' }] };

describe('server: sync IP allowlist (contract part 3, §5)', function () {
  this.timeout(30_000);
  let rs: RegistryServer | undefined;
  afterEach(async () => {
    await rs?.close();
    rs = undefined;
  });

  const sync = (kind: 'functions' | 'jobs', headers: Record<string, string>) =>
    send((rs as RegistryServer).url, 'POST', `/api/v1/admin/${kind}/sync`, { headers, json: BODY });

  it('default ranges: 127.0.0.1 may sync', async () => {
    rs = await startRegistryServer({ host: '127.0.0.1' });
    assert.equal((await sync('functions', rs.admin)).status, 200);
    assert.equal((await sync('jobs', rs.admin)).status, 200);
  });

  it('default ranges: ::1 gets 403 with the exact texts, even without credentials, and nothing is written', async () => {
    rs = await startRegistryServer({ host: '::1' });
    for (const headers of [rs.admin, {}]) {
      const functions = await sync('functions', headers);
      assert.equal(functions.status, 403);
      assert.equal(functions.text, FUNCTIONS_DENIED);
      const jobs = await sync('jobs', headers);
      assert.equal(jobs.status, 403);
      assert.equal(jobs.text, JOBS_DENIED);
    }
    const list = await send(rs.url, 'GET', '/api/v1/functions', { headers: rs.admin });
    assert.equal(list.status, 200, 'reads are not behind the allowlist');
    assert.equal(list.text, 'null');
  });

  it('configured ranges replace the defaults per route; an empty list allows everyone', async () => {
    rs = await startRegistryServer({
      host: '::1',
      functionsSyncAllowedIpRanges: ['::1/128'],
      jobsSyncAllowedIpRanges: [],
    });
    assert.equal((await sync('functions', rs.admin)).status, 200);
    assert.equal((await sync('jobs', rs.admin)).status, 200);
    await rs.close();
    rs = await startRegistryServer({ host: '127.0.0.1', functionsSyncAllowedIpRanges: ['10.0.0.0/8'] });
    assert.equal((await sync('functions', rs.admin)).text, FUNCTIONS_DENIED);
    assert.equal((await sync('jobs', rs.admin)).status, 200, 'jobs keep the defaults');
  });

  it('an IPv4-mapped IPv6 peer counts as IPv4; an unknown peer is refused', () => {
    const list = new IpAllowlist(['127.0.0.0/8']);
    assert.equal(list.allows('::ffff:127.0.0.1'), true);
    assert.equal(list.allows('::ffff:8.8.8.8'), false);
    assert.equal(list.allows('8.8.8.8'), false);
    assert.equal(list.allows(undefined), false);
    assert.equal(new IpAllowlist([]).allows(undefined), true);
  });

  it('FLUXBASE_{FUNCTIONS,JOBS}_SYNC_ALLOWED_IP_RANGES: comma-separated CIDRs, "" allows all, bad ranges stop the start', () => {
    const options = serverOptionsFromEnv(
      { FLUXBASE_FUNCTIONS_SYNC_ALLOWED_IP_RANGES: '127.0.0.0/8, ::1/128', FLUXBASE_JOBS_SYNC_ALLOWED_IP_RANGES: '' },
      {},
    );
    assert.deepEqual(options.functionsSyncAllowedIpRanges, ['127.0.0.0/8', '::1/128']);
    assert.deepEqual(options.jobsSyncAllowedIpRanges, []);
    assert.equal(serverOptionsFromEnv({}, {}).functionsSyncAllowedIpRanges, undefined);
    for (const bad of ['127.0.0.1', '10.0.0.0/33', 'localhost/8', '::1/129']) {
      assert.throws(() => parseIpRanges('X', bad), /X: ".*" is not a CIDR range/);
    }
  });
});
