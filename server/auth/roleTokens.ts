/**
 * Role JWTs, as upstream's `ValidateServiceRoleToken` accepts them (contract
 * part 3, §0.1): HS256 with the server's JWT secret, `role` one of anon,
 * service_role or authenticated, `iss` empty or one of fluxbase,
 * supabase-demo or supabase; `exp`/`nbf` checked when present. Used only by
 * the functions and jobs routes. Revocation of role tokens is not kept
 * locally (a deliberate difference, server README).
 */
import { jwtVerify } from 'jose';
import type { Clock } from '../clock';

/** The roles a role JWT may carry. */
export type TokenRole = 'anon' | 'service_role' | 'authenticated';

const ROLES: readonly string[] = ['anon', 'service_role', 'authenticated'];
const ISSUERS: readonly string[] = ['', 'fluxbase', 'supabase-demo', 'supabase'];

/** Verifies role JWTs with the server's JWT secret. */
export class RoleTokenVerifier {
  readonly #secret: Uint8Array;
  readonly #clock: Clock;

  constructor(secret: Uint8Array, clock: Clock) {
    this.#secret = secret;
    this.#clock = clock;
  }

  /** The token's role, or undefined when it is not a valid role JWT. */
  async verify(token: string): Promise<TokenRole | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.#secret, {
        algorithms: ['HS256'],
        currentDate: new Date(this.#clock() / 1000),
      });
      const issuer = payload.iss ?? '';
      if (typeof payload.role !== 'string' || !ROLES.includes(payload.role) || !ISSUERS.includes(issuer)) {
        return undefined;
      }
      return payload.role as TokenRole;
    } catch {
      return undefined;
    }
  }
}
