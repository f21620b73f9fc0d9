/**
 * `UnifiedAuthMiddleware` + `RequireRole("admin", "dashboard_admin",
 * "service_role")` for /api/v1/admin (contract part 3, §0.1 B): the token
 * comes from the `fluxbase_access_token` cookie, else from `Authorization`
 * (a `Bearer ` prefix stripped). `X-Service-Key` is never read. Errors are
 * the structured bodies `{error, code, request_id}`.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { AccessTokenCache } from './accessTokenCache';
import type { RegistryAuthResult } from './functionsAuth';
import { isAdminRole } from './registryCaller';
import type { RoleTokenVerifier } from './roleTokens';

const COOKIE_NAME = 'fluxbase_access_token';

/** `SendErrorWithCode`'s body: fields in struct order. */
export function structuredError(error: string, code: string, requestId: string): string {
  return JSON.stringify({ error, code, request_id: requestId });
}

function cookieToken(headers: IncomingHttpHeaders): string {
  const cookie = headers.cookie ?? '';
  for (const part of cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === COOKIE_NAME) return part.slice(eq + 1).trim();
  }
  return '';
}

function bearerToken(headers: IncomingHttpHeaders): string {
  const authorization = headers.authorization ?? '';
  return authorization.startsWith('Bearer ') ? authorization.slice(7) : authorization;
}

/** Authenticates the /api/v1/admin routes with a JWT only. */
export class AdminAuthenticator {
  readonly #tokens: AccessTokenCache;
  readonly #roleTokens: RoleTokenVerifier;

  constructor(tokens: AccessTokenCache, roleTokens: RoleTokenVerifier) {
    this.#tokens = tokens;
    this.#roleTokens = roleTokens;
  }

  async authenticate(headers: IncomingHttpHeaders, requestId: string): Promise<RegistryAuthResult> {
    const token = cookieToken(headers) || bearerToken(headers);
    if (token === '') {
      return {
        ok: false,
        status: 401,
        body: structuredError('Missing authentication', 'MISSING_AUTHENTICATION', requestId),
      };
    }
    const userId = await this.#tokens.verify(token);
    if (userId !== undefined) return { ok: true, caller: { role: 'dashboard_admin', userId } };
    const role = await this.#roleTokens.verify(token);
    if (role === undefined) {
      return { ok: false, status: 401, body: structuredError('Invalid or expired token', 'INVALID_TOKEN', requestId) };
    }
    if (!isAdminRole(role)) {
      return {
        ok: false,
        status: 403,
        body: structuredError('Insufficient permissions', 'INSUFFICIENT_PERMISSIONS', requestId),
      };
    }
    return { ok: true, caller: { role, userId: null } };
  }
}
