/**
 * The authentication and scope checks in front of every /api/v1/secrets
 * route, known or not (contract §3.1, §3.2), with the local differences:
 * Bearer tokens must be dashboard access tokens; JWTs in X-Service-Key and
 * X-Client-Key are not supported.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { errorBody } from '../http/exchange';
import { storedTimeFromMicros } from '../goCompat/goTime';
import type { Clock } from '../clock';
import type { ServiceKeysRepository } from '../storage/serviceKeysRepository';
import type { AccessTokenCache } from './accessTokenCache';
import { looksLikeServiceKey, SERVICE_KEY_LOOKUP_LENGTH, serviceKeyMatches } from './serviceKeys';
import { serviceKeyState } from './serviceKeyState';

/** Who is calling: a dashboard admin (whose id is recorded as created_by/updated_by) or a service key. */
export type Caller = { kind: 'user'; userId: string } | { kind: 'serviceKey'; scopes: readonly string[] };

/** The scopes the secrets routes require (EU names). */
export type SecretsScope = 'read:secrets' | 'write:secrets';

/** Either the caller or the complete error response. */
export type AuthResult = { ok: true; caller: Caller } | { ok: false; status: number; body: string };

const NO_CREDENTIALS = errorBody('Authentication required. Provide Bearer token, X-Client-Key, or X-Service-Key');
const BAD_BEARER = errorBody('Invalid or expired Bearer token');
const BAD_SERVICE_KEY = errorBody('Invalid service key');
const BAD_ROLE_TOKEN = errorBody('Invalid service role token');
const BAD_CLIENT_KEY = errorBody('Invalid client key');
const NO_SCOPES = errorBody('No scopes found for service key');

function header(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name];
  if (value === undefined) return '';
  return Array.isArray(value) ? (value[0] ?? '') : value;
}

function fail(status: number, body: string): AuthResult {
  return { ok: false, status, body };
}

/** The caller id stored in created_by/updated_by: the admin's id, or null for a key. */
export function callerUserId(caller: Caller): string | null {
  return caller.kind === 'user' ? caller.userId : null;
}

/** The 403 body when a service key lacks `scope`, else undefined. Tokens are not scope-checked (§3.2). */
export function scopeDenial(caller: Caller, scope: string): string | undefined {
  if (caller.kind !== 'serviceKey') return undefined;
  if (caller.scopes.length === 0) return NO_SCOPES;
  if (caller.scopes.includes(scope) || caller.scopes.includes('*')) return undefined;
  return '{"error":"Insufficient permissions","required_scope":' + JSON.stringify(scope) + '}';
}

/**
 * Authenticates secrets requests. Service keys are not cached: every request
 * reads the key's row (one indexed lookup and a SHA-256 of 46 bytes), so a
 * revoke from `keys revoke`, even in another process, or an expiry is refused
 * from the next request on.
 */
export class SecretsAuthenticator {
  readonly #keys: ServiceKeysRepository;
  readonly #tokens: AccessTokenCache;
  readonly #clock: Clock;

  constructor(keys: ServiceKeysRepository, tokens: AccessTokenCache, clock: Clock) {
    this.#keys = keys;
    this.#tokens = tokens;
    this.#clock = clock;
  }

  /** Tries, in upstream's order: service key, Bearer token, client key; else 401. */
  async authenticate(headers: IncomingHttpHeaders): Promise<AuthResult> {
    const authorization = header(headers, 'authorization');
    let serviceKey = header(headers, 'x-service-key');
    if (serviceKey === '' && authorization.startsWith('ServiceKey ')) serviceKey = authorization.slice(11);
    if (serviceKey !== '') return this.#serviceKey(serviceKey);
    if (authorization.startsWith('Bearer ')) {
      const userId = await this.#tokens.verify(authorization.slice(7));
      return userId === undefined ? fail(401, BAD_BEARER) : { ok: true, caller: { kind: 'user', userId } };
    }
    if (header(headers, 'x-client-key') !== '') return fail(401, BAD_CLIENT_KEY);
    return fail(401, NO_CREDENTIALS);
  }

  #serviceKey(key: string): AuthResult {
    if (key.startsWith('eyJ')) return fail(401, BAD_ROLE_TOKEN);
    if (!looksLikeServiceKey(key)) return fail(401, BAD_SERVICE_KEY);
    const now = storedTimeFromMicros(this.#clock());
    for (const row of this.#keys.findByPrefix(key.slice(0, SERVICE_KEY_LOOKUP_LENGTH))) {
      if (serviceKeyState(row, now) !== 'active' || !serviceKeyMatches(key, row.key_hash)) continue;
      const scopes: unknown = JSON.parse(row.scopes);
      const list = Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === 'string') : [];
      return { ok: true, caller: { kind: 'serviceKey', scopes: list } };
    }
    return fail(401, BAD_SERVICE_KEY);
  }
}
