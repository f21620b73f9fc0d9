/**
 * Types of the dashboard (admin) auth flow that the extension signs in with
 * (contract §3.5 A), and of the credentials a client holds.
 */

/** The dashboard user that login and `/dashboard/auth/me` return. */
export interface DashboardUser {
  id: string;
  email: string;
  email_verified: boolean;
  full_name?: string;
  avatar_url?: string;
  totp_enabled: boolean;
  is_active: boolean;
  is_locked: boolean;
  locked_until?: string;
  last_login_at?: string;
  created_at: string;
  updated_at: string;
  role?: string;
}

/** Tokens from login, 2FA verify or refresh. Refresh returns no user. */
export interface AuthSession {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  user?: DashboardUser;
}

/** Login either yields a session or asks for the TOTP code of `userId`. */
export type LoginResult = { requires2fa: false; session: AuthSession } | { requires2fa: true; userId: string };

/** What a client authenticates with. Tokens and keys never leave the client except in headers. */
export type Credentials =
  | { type: 'none' }
  | { type: 'session'; accessToken: string; refreshToken?: string }
  | { type: 'serviceKey'; key: string };
