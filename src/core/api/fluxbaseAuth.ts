/**
 * Dashboard (admin) auth, the identity that can write secrets (contract §3.5 A,
 * §8): login with the optional TOTP step, refresh, the current user, a pasted
 * access token or a service key. It also supplies the transport's credentials
 * and renews them once after a 401, shared by concurrent requests.
 */
import { Emitter, type Disposable } from '../../shared/disposable';
import { apiRoutes } from './apiRoutes';
import { loginError, refreshError } from './authErrors';
import type { AuthSession, Credentials, DashboardUser, LoginResult } from './authTypes';
import { FluxbaseApiError } from './fluxbaseApiError';
import type { Authenticator, HttpTransport } from './httpTransport';
import { isAuthSession, isDashboardUser, isLoginResponse, isTwoFactorChallenge } from './responseGuards';

const NONE: Credentials = Object.freeze({ type: 'none' });

/** `client.auth`: signs in and holds the credentials every request of the client carries. */
export class FluxbaseAuth implements Authenticator {
  private current: Credentials;
  private pendingRefresh: Promise<AuthSession> | undefined;
  private readonly changed = new Emitter<Credentials>();

  /** Fires after every change of credentials (login, 2FA, refresh, pasted token or key, sign-out) so the host can persist them. */
  readonly onDidChangeCredentials: (listener: (credentials: Credentials) => void) => Disposable = this.changed.event;

  constructor(
    private readonly transport: HttpTransport,
    credentials: Credentials = NONE,
  ) {
    this.current = Object.freeze({ ...credentials });
  }

  /** What requests are sent with now. */
  get credentials(): Credentials {
    return this.current;
  }

  /** POST /dashboard/auth/login. Holds the session on success; a wrong password rejects with kind `auth`. */
  async login({ email, password }: { email: string; password: string }): Promise<LoginResult> {
    const body = await this.transport
      .request(
        {
          method: 'POST',
          route: apiRoutes.login(),
          body: { email, password },
          authenticated: false,
          sensitiveValues: [password],
        },
        isLoginResponse,
      )
      .catch((error: unknown) => Promise.reject(loginError(error)));
    if (isTwoFactorChallenge(body)) {
      return { requires2fa: true, userId: body.user_id };
    }
    this.holdSession(body);
    return { requires2fa: false, session: body };
  }

  /** POST /dashboard/auth/2fa/verify with the TOTP code; holds the session on success. */
  async verify2fa({ userId, code }: { userId: string; code: string }): Promise<AuthSession> {
    const session = await this.transport.request(
      {
        method: 'POST',
        route: apiRoutes.verify2fa(),
        body: { user_id: userId, code },
        authenticated: false,
        sensitiveValues: [code],
      },
      isAuthSession,
    );
    this.holdSession(session);
    return session;
  }

  /**
   * POST /dashboard/auth/refresh with the held refresh token. Calls made while
   * one refresh is running share it. Rejects with kind `auth` when the refresh
   * token is missing or refused.
   */
  refresh(): Promise<AuthSession> {
    this.pendingRefresh ??= this.refreshOnce().finally(() => {
      this.pendingRefresh = undefined;
    });
    return this.pendingRefresh;
  }

  /** GET /dashboard/auth/me: the signed-in dashboard user. */
  me(): Promise<DashboardUser> {
    return this.transport.request({ method: 'GET', route: apiRoutes.me() }, isDashboardUser);
  }

  /** Sends `accessToken` as Bearer from now on; with a refresh token, a 401 is recovered by one refresh. */
  useAccessToken(accessToken: string, refreshToken?: string): void {
    const refresh = refreshToken?.trim() ? headerSafe(refreshToken, 'refresh token') : undefined;
    this.hold({
      type: 'session',
      accessToken: headerSafe(accessToken, 'access token'),
      ...(refresh ? { refreshToken: refresh } : {}),
    });
  }

  /** Sends `key` as `X-Service-Key` from now on (no Bearer token is sent). */
  useServiceKey(key: string): void {
    this.hold({ type: 'serviceKey', key: headerSafe(key, 'service key') });
  }

  /** Forgets the credentials. There is no logout route (contract §3.5 A): tokens stay valid until they expire. */
  signOut(): void {
    this.hold(NONE);
  }

  /** See Authenticator: refresh once for all requests that were refused with the same credentials. */
  async renewAfterUnauthorized(rejected: Credentials): Promise<boolean> {
    if (this.current !== rejected) {
      // Renewed (or replaced) since that request was sent: just send it again.
      return this.current.type !== 'none';
    }
    if (rejected.type !== 'session' || rejected.refreshToken === undefined) {
      return false;
    }
    await this.refresh();
    return true;
  }

  private async refreshOnce(): Promise<AuthSession> {
    const held = this.current;
    if (held.type !== 'session' || held.refreshToken === undefined) {
      throw new FluxbaseApiError('auth', 'No refresh token is held; sign in again');
    }
    const session = await this.transport
      .request(
        {
          method: 'POST',
          route: apiRoutes.refresh(),
          body: { refresh_token: held.refreshToken },
          authenticated: false,
          sensitiveValues: [held.refreshToken],
        },
        isAuthSession,
      )
      .catch((error: unknown) => Promise.reject(refreshError(error)));
    // A sign-out or new sign-in during the refresh wins over the refreshed tokens.
    if (this.current === held) {
      this.holdSession(session);
    }
    return session;
  }

  private holdSession(session: AuthSession): void {
    this.hold({ type: 'session', accessToken: session.access_token, refreshToken: session.refresh_token });
  }

  private hold(credentials: Credentials): void {
    this.current = Object.freeze(credentials);
    this.changed.fire(this.current);
  }
}

/** Trims a pasted token and refuses one that cannot travel in a header. */
function headerSafe(value: string, what: string): string {
  const trimmed = value.trim();
  // eslint-disable-next-line no-control-regex
  if (trimmed === '' || /[\u0000-\u001f\u007f]/.test(trimmed)) {
    throw new FluxbaseApiError('validation', `The ${what} is empty or contains invalid characters`);
  }
  return trimmed;
}
