/**
 * Helpers of the functions and jobs registry tests: a server with the test
 * admin and a known JWT secret, so that tests can sign role JWTs
 * (service_role, anon) as upstream's clients hold them, and shortcuts for
 * the sync and read routes.
 */
import * as assert from 'node:assert/strict';
import { SignJWT } from 'jose';
import type { StartServerOptions } from '../../../../server/startServer';
import { ADMIN, loginAdmin, RawResponse, send, startTestServer, TestServer } from '../serverHarness';

/** The JWT secret of registry test servers (at least 32 bytes). */
export const TEST_JWT_SECRET = 'registry-test-jwt-secret-0123456789abcdef';

/** A registry test server with a dashboard token and a service_role JWT. */
export interface RegistryServer {
  readonly server: TestServer;
  readonly url: string;
  /** `Authorization: Bearer <dashboard access token>`. */
  readonly admin: Record<string, string>;
  /** `Authorization: Bearer <service_role JWT>`. */
  readonly serviceRole: Record<string, string>;
  readonly serviceRoleToken: string;
  readonly dashboardToken: string;
  readonly dashboardUserId: string;
  close(): Promise<void>;
}

/** Signs a role JWT with the test secret (or another one). */
export function roleToken(role: string, options: { issuer?: string; secret?: string } = {}): Promise<string> {
  let jwt = new SignJWT({ role }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setExpirationTime('1h');
  if (options.issuer !== undefined) jwt = jwt.setIssuer(options.issuer);
  return jwt.sign(new TextEncoder().encode(options.secret ?? TEST_JWT_SECRET));
}

/** Starts a server for registry tests. */
export async function startRegistryServer(options: Partial<StartServerOptions> = {}): Promise<RegistryServer> {
  const server = await startTestServer({
    admin: ADMIN,
    jwtSecret: TEST_JWT_SECRET,
    accessTtlSeconds: 3600,
    ...options,
  });
  const { accessToken } = await loginAdmin(server.url);
  const me = await send(server.url, 'GET', '/dashboard/auth/me', {
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  const serviceRoleToken = await roleToken('service_role');
  return {
    server,
    url: server.url,
    admin: { Authorization: `Bearer ${accessToken}` },
    serviceRole: { Authorization: `Bearer ${serviceRoleToken}` },
    serviceRoleToken,
    dashboardToken: accessToken,
    dashboardUserId: (me.json as { id: string }).id,
    close: () => server.close(),
  };
}

/** A JSON answer, asserting its status first (the body is shown on failure). */
export async function expectJson(response: Promise<RawResponse>, status = 200): Promise<unknown> {
  const answer = await response;
  assert.equal(answer.status, status, answer.text);
  return answer.json;
}

/** POSTs a functions sync as the dashboard admin (or with the given headers) and returns the 200 body. */
export function syncFunctions(
  rs: RegistryServer,
  body: unknown,
  headers: Record<string, string> = rs.admin,
): Promise<Record<string, unknown>> {
  return expectJson(send(rs.url, 'POST', '/api/v1/admin/functions/sync', { headers, json: body })) as Promise<
    Record<string, unknown>
  >;
}

/** POSTs a jobs sync and returns the 200 body. */
export function syncJobs(
  rs: RegistryServer,
  body: unknown,
  headers: Record<string, string> = rs.admin,
): Promise<Record<string, unknown>> {
  return expectJson(send(rs.url, 'POST', '/api/v1/admin/jobs/sync', { headers, json: body })) as Promise<
    Record<string, unknown>
  >;
}

/** GETs a path as the dashboard admin and returns the parsed 200 body. */
export function getJson(rs: RegistryServer, path: string): Promise<unknown> {
  return expectJson(send(rs.url, 'GET', path, { headers: rs.admin }));
}

/** The 30 keys of an EdgeFunctionSummary, in order (contract part 3, §4.2). */
export const SUMMARY_KEYS = [
  'id',
  'name',
  'namespace',
  'description',
  'is_bundled',
  'bundle_error',
  'version',
  'cron_schedule',
  'enabled',
  'timeout_seconds',
  'memory_limit_mb',
  'allow_net',
  'allow_env',
  'allow_read',
  'allow_write',
  'allow_unauthenticated',
  'is_public',
  'disable_execution_logs',
  'cors_origins',
  'cors_methods',
  'cors_headers',
  'cors_credentials',
  'cors_max_age',
  'rate_limit_per_minute',
  'rate_limit_per_hour',
  'rate_limit_per_day',
  'created_at',
  'updated_at',
  'created_by',
  'source',
];

/** The 32 keys of an EdgeFunction (§4.1): the summary's plus code and original_code after description. */
export const FUNCTION_KEYS = [...SUMMARY_KEYS.slice(0, 4), 'code', 'original_code', ...SUMMARY_KEYS.slice(4)];
