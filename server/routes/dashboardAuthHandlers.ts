/**
 * Dashboard auth (contract §3.5 A): login with lockout and 2FA, TOTP verify,
 * refresh (not rotated) and /me. Errors are Fiber errors, `{"code":N,"error":…}`
 * (a map, so alphabetical). Local differences: a wrong password is 401 (and a
 * locked account 403) instead of upstream's 500; 2FA verify needs a login that
 * asked for it within 5 minutes; 5 wrong 2FA codes in a row lock the account
 * like 5 wrong passwords; a TOTP step is accepted once; tokens from before the
 * user's current credentials epoch are refused.
 *
 * Parallel requests: between reading the user row and recording the attempt
 * nothing is awaited, so the lock check and the count are one step; the only
 * await before an answer is the password hash, and the attempt is counted as
 * failed before it (see UsersRepository.reservePasswordAttempt).
 */
import type { Clock } from '../clock';
import type { SecretCipher } from '../crypto/secretCipher';
import { decodeGoStruct } from '../goCompat/goJsonDecoder';
import { storedTimeFromMicros } from '../goCompat/goTime';
import { parseGoUuid } from '../goCompat/uuid';
import type { Exchange } from '../http/exchange';
import { jsonRequestText } from '../http/requestBody';
import { spendVerificationTime, verifyPassword } from '../auth/passwords';
import { DASHBOARD_ADMIN_ROLE, isOfCurrentEpoch, TokenService } from '../auth/tokenService';
import { acceptedTotpStep, decodeBase32 } from '../auth/totp';
import type { UserRow, UsersRepository } from '../storage/usersRepository';
import { dashboardUser } from './dashboardUserJson';

/** What the dashboard handlers work with. */
export interface DashboardDeps {
  readonly users: UsersRepository;
  readonly tokens: TokenService;
  readonly cipher: SecretCipher;
  readonly clock: Clock;
  readonly bodyLimitBytes: number;
  /** User id → end (server-clock microseconds) of the window in which 2FA verify is allowed. */
  readonly pendingSecondFactor: Map<string, number>;
}

/** A dashboard handler. */
export type DashboardHandler = (deps: DashboardDeps, exchange: Exchange) => Promise<void> | void;

const LOCK_MICROS = 15 * 60 * 1_000_000;
const SECOND_FACTOR_WINDOW_MICROS = 5 * 60 * 1_000_000;

function fiberErrorBody(status: number, message: string): string {
  return '{"code":' + status + ',"error":' + JSON.stringify(message) + '}';
}

function fiberError(exchange: Exchange, status: number, message: string): void {
  exchange.send(status, fiberErrorBody(status, message));
}

const INVALID_BODY = fiberErrorBody(400, 'Invalid request body');

async function decodeBody<S extends Record<string, 'string'>>(
  deps: DashboardDeps,
  exchange: Exchange,
  spec: S,
): Promise<{ [K in keyof S]: string } | undefined> {
  const text = await jsonRequestText(exchange, deps.bodyLimitBytes, INVALID_BODY);
  if (text === undefined) return undefined;
  const decoded = decodeGoStruct(text, spec);
  if (!decoded) exchange.send(400, INVALID_BODY);
  return decoded as { [K in keyof S]: string } | undefined;
}

/** Lifts an expired lock; true when the account is (still) locked. */
function stillLocked(deps: DashboardDeps, user: UserRow, now: string): boolean {
  if (user.is_locked !== 1) return false;
  if (user.locked_until !== null && now > user.locked_until) {
    deps.users.unlock(user.id, now);
    user.is_locked = 0;
    user.locked_until = null;
    return false;
  }
  return true;
}

/** The end of a lock that starts now. */
function lockUntil(deps: DashboardDeps): string {
  return storedTimeFromMicros(deps.clock() + LOCK_MICROS);
}

async function sendSession(deps: DashboardDeps, exchange: Exchange, user: UserRow): Promise<void> {
  const pair = await deps.tokens.issuePair({
    id: user.id,
    email: user.email,
    credentialsEpoch: user.credentials_epoch,
  });
  const body = {
    access_token: pair.accessToken,
    expires_in: deps.tokens.accessTtlSeconds,
    refresh_token: pair.refreshToken,
    user: dashboardUser(user),
  };
  exchange.send(200, JSON.stringify(body));
}

/** POST /dashboard/auth/login */
export const login: DashboardHandler = async (deps, exchange) => {
  const request = await decodeBody(deps, exchange, { email: 'string', password: 'string' });
  if (!request) return;
  if (request.email === '' || request.password === '') {
    return fiberError(exchange, 400, 'Email and password are required');
  }
  const user = deps.users.findByEmail(request.email);
  if (!user) {
    await spendVerificationTime(request.password);
    return fiberError(exchange, 401, 'Invalid email or password');
  }
  const now = storedTimeFromMicros(deps.clock());
  if (stillLocked(deps, user, now)) {
    return fiberError(exchange, 403, 'Account is locked due to too many failed login attempts');
  }
  if (user.is_active !== 1) return fiberError(exchange, 403, 'Account is inactive');
  deps.users.reservePasswordAttempt(user.id, lockUntil(deps));
  if (!(await verifyPassword(request.password, user.password_hash))) {
    return fiberError(exchange, 401, 'Invalid email or password');
  }
  if (user.totp_enabled === 1) {
    deps.users.recordPasswordSuccess(user.id);
    deps.pendingSecondFactor.set(user.id, deps.clock() + SECOND_FACTOR_WINDOW_MICROS);
    return exchange.send(200, '{"requires_2fa":true,"user_id":"' + user.id + '"}');
  }
  deps.users.recordSignIn(user.id, storedTimeFromMicros(deps.clock()), null);
  await sendSession(deps, exchange, user);
};

/** POST /dashboard/auth/2fa/verify */
export const verifySecondFactor: DashboardHandler = async (deps, exchange) => {
  const request = await decodeBody(deps, exchange, { user_id: 'string', code: 'string' });
  if (!request) return;
  if (request.user_id === '' || request.code === '') {
    return fiberError(exchange, 400, 'User ID and code are required');
  }
  const userId = parseGoUuid(request.user_id);
  if (userId === undefined) return fiberError(exchange, 400, 'Invalid user ID');
  const user = deps.users.findById(userId);
  const pendingUntil = deps.pendingSecondFactor.get(userId);
  const nowMicros = deps.clock();
  if (!user || user.totp_enabled !== 1 || user.totp_secret === null || !pendingUntil || pendingUntil < nowMicros) {
    return fiberError(exchange, 401, 'Invalid 2FA code');
  }
  if (stillLocked(deps, user, storedTimeFromMicros(nowMicros))) {
    return fiberError(exchange, 403, 'Account is locked due to too many failed login attempts');
  }
  const secret = decodeBase32(deps.cipher.decrypt(user.totp_secret));
  const nowSeconds = Math.floor(nowMicros / 1_000_000);
  const step = secret ? acceptedTotpStep(secret, request.code, nowSeconds, user.last_totp_step ?? -1) : undefined;
  if (step === undefined) {
    deps.users.recordSecondFactorFailure(user.id, lockUntil(deps));
    return fiberError(exchange, 401, 'Invalid 2FA code');
  }
  deps.pendingSecondFactor.delete(userId);
  deps.users.recordSignIn(user.id, storedTimeFromMicros(nowMicros), step);
  await sendSession(deps, exchange, user);
};

/** POST /dashboard/auth/refresh: a new access token; the same refresh token back. */
export const refresh: DashboardHandler = async (deps, exchange) => {
  const request = await decodeBody(deps, exchange, { refresh_token: 'string' });
  if (!request) return;
  if (request.refresh_token === '') return fiberError(exchange, 400, 'Refresh token is required');
  const claims = await deps.tokens.verify(request.refresh_token);
  const user = claims ? deps.users.findById(claims.sub) : undefined;
  if (
    !claims ||
    claims.token_type !== 'refresh' ||
    claims.role !== DASHBOARD_ADMIN_ROLE ||
    !user ||
    !user.is_active ||
    !isOfCurrentEpoch(claims, user.credentials_epoch)
  ) {
    return fiberError(exchange, 401, 'Invalid or expired refresh token');
  }
  const subject = { id: user.id, email: user.email, credentialsEpoch: user.credentials_epoch };
  const accessToken = await deps.tokens.issueAccessToken(subject, claims.session_id);
  const body = {
    access_token: accessToken,
    expires_in: deps.tokens.accessTtlSeconds,
    refresh_token: request.refresh_token,
  };
  exchange.send(200, JSON.stringify(body));
};

/** GET /dashboard/auth/me with the checks of upstream's RequireDashboardAuth. */
export const currentUser: DashboardHandler = async (deps, exchange) => {
  const authorization = exchange.req.headers.authorization ?? '';
  if (authorization === '') return fiberError(exchange, 401, 'Missing authorization header');
  if (!authorization.startsWith('Bearer ')) return fiberError(exchange, 401, 'Invalid authorization header');
  const claims = await deps.tokens.verify(authorization.slice(7));
  if (!claims || claims.token_type !== 'access') return fiberError(exchange, 401, 'Invalid token');
  if (claims.role !== DASHBOARD_ADMIN_ROLE) return fiberError(exchange, 403, 'Insufficient permissions');
  const userId = parseGoUuid(claims.sub);
  if (userId === undefined) return fiberError(exchange, 401, 'Invalid user ID');
  const user = deps.users.findById(userId);
  if (!user) return fiberError(exchange, 404, 'User not found');
  if (!isOfCurrentEpoch(claims, user.credentials_epoch)) return fiberError(exchange, 401, 'Invalid token');
  exchange.send(200, JSON.stringify(dashboardUser(user, DASHBOARD_ADMIN_ROLE)));
};
