/**
 * `RequireAuthOrServiceKey` for /api/v1/functions (contract part 3, §0.1 A):
 * the secrets routes' chain (service key, dashboard Bearer token, client
 * key, nothing), plus role JWTs: in `X-Service-Key` (or `Authorization:
 * ServiceKey`) a value starting with `eyJ` must be one (`401 Invalid service
 * role token`), and a Bearer token that is not a dashboard token may be one.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { fromSecretsCaller, RegistryCaller } from './registryCaller';
import type { RoleTokenVerifier } from './roleTokens';
import type { SecretsAuthenticator } from './secretsAuth';
import { errorBody } from '../http/exchange';

/** Either the caller or the complete error response. */
export type RegistryAuthResult = { ok: true; caller: RegistryCaller } | { ok: false; status: number; body: string };

const BAD_ROLE_TOKEN = errorBody('Invalid service role token');

function header(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name];
  if (value === undefined) return '';
  return Array.isArray(value) ? (value[0] ?? '') : value;
}

/** Authenticates the /api/v1/functions routes. */
export class FunctionsAuthenticator {
  readonly #secrets: SecretsAuthenticator;
  readonly #roleTokens: RoleTokenVerifier;

  constructor(secrets: SecretsAuthenticator, roleTokens: RoleTokenVerifier) {
    this.#secrets = secrets;
    this.#roleTokens = roleTokens;
  }

  async authenticate(headers: IncomingHttpHeaders): Promise<RegistryAuthResult> {
    const authorization = header(headers, 'authorization');
    let serviceKey = header(headers, 'x-service-key');
    if (serviceKey === '' && authorization.startsWith('ServiceKey ')) serviceKey = authorization.slice(11);
    if (serviceKey.startsWith('eyJ')) {
      const role = await this.#roleTokens.verify(serviceKey);
      return role === undefined
        ? { ok: false, status: 401, body: BAD_ROLE_TOKEN }
        : { ok: true, caller: { role, userId: null } };
    }
    const result = await this.#secrets.authenticate(headers);
    if (result.ok) return { ok: true, caller: fromSecretsCaller(result.caller) };
    if (serviceKey === '' && authorization.startsWith('Bearer ')) {
      const role = await this.#roleTokens.verify(authorization.slice(7));
      if (role !== undefined) return { ok: true, caller: { role, userId: null } };
    }
    return result;
  }
}
