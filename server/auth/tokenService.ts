/**
 * Dashboard JWTs (HS256, via jose) with upstream's claims (contract §3.5 A):
 * user_id, email, role, session_id, token_type, and the registered iss
 * (`fluxbase`), sub, iat, nbf, exp and jti. Access and refresh tokens differ
 * only in `token_type` and lifetime. One local claim is added,
 * `credentials_epoch`: the user's credentials epoch when the token was issued
 * (see storage/dashboardUsersMigration.ts); a token from an older epoch is
 * refused everywhere.
 */
import { randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import type { Clock } from '../clock';

/** The role every dashboard token carries in EU. */
export const DASHBOARD_ADMIN_ROLE = 'dashboard_admin';
const ISSUER = 'fluxbase';

/** The claims of a verified dashboard token. */
export interface TokenClaims {
  user_id: string;
  email: string;
  role: string;
  session_id: string;
  token_type: 'access' | 'refresh';
  sub: string;
  exp: number;
  /** Absent in tokens of versions before the epoch existed: epoch 0. */
  credentials_epoch?: number;
}

/** A fresh access + refresh pair. */
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

/** Who a token is for. */
export interface TokenSubject {
  id: string;
  email: string;
  credentialsEpoch: number;
}

/** Lifetimes and key of the token service. */
export interface TokenServiceOptions {
  secret: Uint8Array;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  clock: Clock;
}

function isClaims(payload: Record<string, unknown>): payload is Record<string, unknown> & TokenClaims {
  return (
    typeof payload.user_id === 'string' &&
    typeof payload.email === 'string' &&
    typeof payload.role === 'string' &&
    typeof payload.session_id === 'string' &&
    (payload.token_type === 'access' || payload.token_type === 'refresh') &&
    typeof payload.sub === 'string' &&
    typeof payload.exp === 'number' &&
    (payload.credentials_epoch === undefined || Number.isSafeInteger(payload.credentials_epoch))
  );
}

/** True when the token was issued in the user's current credentials epoch (not before a password change). */
export function isOfCurrentEpoch(claims: TokenClaims, currentEpoch: number): boolean {
  return (claims.credentials_epoch ?? 0) === currentEpoch;
}

/** Signs and verifies dashboard tokens. */
export class TokenService {
  readonly #secret: Uint8Array;
  readonly #clock: Clock;
  /** Lifetime of access tokens, also sent as `expires_in`. */
  readonly accessTtlSeconds: number;
  readonly refreshTtlSeconds: number;

  constructor(options: TokenServiceOptions) {
    this.#secret = options.secret;
    this.#clock = options.clock;
    this.accessTtlSeconds = options.accessTtlSeconds;
    this.refreshTtlSeconds = options.refreshTtlSeconds;
  }

  /** Current time in whole seconds, from the server clock. */
  nowSeconds(): number {
    return Math.floor(this.#clock() / 1_000_000);
  }

  #sign(subject: TokenSubject, sessionId: string, type: 'access' | 'refresh', ttl: number): Promise<string> {
    const now = this.nowSeconds();
    return new SignJWT({
      user_id: subject.id,
      email: subject.email,
      role: DASHBOARD_ADMIN_ROLE,
      session_id: sessionId,
      token_type: type,
      credentials_epoch: subject.credentialsEpoch,
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(ISSUER)
      .setSubject(subject.id)
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + ttl)
      .setJti(randomUUID())
      .sign(this.#secret);
  }

  /** A new session: an access and a refresh token sharing one session id. */
  async issuePair(subject: TokenSubject): Promise<TokenPair> {
    const sessionId = randomUUID();
    const [accessToken, refreshToken] = await Promise.all([
      this.#sign(subject, sessionId, 'access', this.accessTtlSeconds),
      this.#sign(subject, sessionId, 'refresh', this.refreshTtlSeconds),
    ]);
    return { accessToken, refreshToken };
  }

  /** A new access token for the session of a verified refresh token. */
  issueAccessToken(subject: TokenSubject, sessionId: string): Promise<string> {
    return this.#sign(subject, sessionId, 'access', this.accessTtlSeconds);
  }

  /** Verifies signature, issuer, exp and nbf; undefined for anything invalid. */
  async verify(token: string): Promise<TokenClaims | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.#secret, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        currentDate: new Date(this.#clock() / 1000),
      });
      return isClaims(payload) ? payload : undefined;
    } catch {
      return undefined;
    }
  }
}
