/**
 * Hand-written runtime checks for every response body the client uses
 * (contract §1.2, §3.5). A body passes only when every required field has the
 * promised type and every optional field is either absent or of its type;
 * unknown extra keys are allowed so a newer server does not break the client.
 */
import type { AuthSession, DashboardUser } from './authTypes';
import type { Secret, SecretStats, SecretSummary, SecretVersion } from './secretTypes';

/** A type guard over a parsed JSON value. */
export type Guard<T> = (value: unknown) => value is T;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function isOptionalString(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isVersionNumber(value: unknown): value is number {
  return isCount(value) && value >= 1;
}

/** Builds a guard for an array whose every item passes `item`. */
export function arrayOf<T>(item: Guard<T>): Guard<T[]> {
  return (value: unknown): value is T[] => Array.isArray(value) && value.every((entry) => item(entry));
}

/** A secret's metadata as create, get, update and rollback return it. */
export function isSecret(value: unknown): value is Secret {
  return (
    isObject(value) &&
    isString(value.id) &&
    isString(value.name) &&
    (value.scope === 'global' || value.scope === 'namespace') &&
    isOptionalString(value.namespace) &&
    isOptionalString(value.description) &&
    isVersionNumber(value.version) &&
    isOptionalString(value.expires_at) &&
    isString(value.created_at) &&
    isString(value.updated_at) &&
    isOptionalString(value.created_by) &&
    isOptionalString(value.updated_by)
  );
}

/** One list item: a Secret plus the always-present `is_expired`. */
export function isSecretSummary(value: unknown): value is SecretSummary {
  return isObject(value) && typeof value.is_expired === 'boolean' && isSecret(value);
}

/** One row of a secret's history. */
export function isSecretVersion(value: unknown): value is SecretVersion {
  return (
    isObject(value) &&
    isString(value.id) &&
    isString(value.secret_id) &&
    isVersionNumber(value.version) &&
    isString(value.created_at) &&
    isOptionalString(value.created_by)
  );
}

/** The three counters of `/api/v1/secrets/stats`. */
export function isSecretStats(value: unknown): value is SecretStats {
  return isObject(value) && isCount(value.total) && isCount(value.expiring_soon) && isCount(value.expired);
}

/** The dashboard user of login, 2FA verify and `/dashboard/auth/me`. */
export function isDashboardUser(value: unknown): value is DashboardUser {
  return (
    isObject(value) &&
    isString(value.id) &&
    isString(value.email) &&
    typeof value.email_verified === 'boolean' &&
    isOptionalString(value.full_name) &&
    isOptionalString(value.avatar_url) &&
    typeof value.totp_enabled === 'boolean' &&
    typeof value.is_active === 'boolean' &&
    typeof value.is_locked === 'boolean' &&
    isOptionalString(value.locked_until) &&
    isOptionalString(value.last_login_at) &&
    isString(value.created_at) &&
    isString(value.updated_at) &&
    isOptionalString(value.role)
  );
}

/** Tokens from login, 2FA verify or refresh (refresh sends no user). */
export function isAuthSession(value: unknown): value is AuthSession {
  return (
    isObject(value) &&
    isString(value.access_token) &&
    value.access_token !== '' &&
    isString(value.refresh_token) &&
    value.refresh_token !== '' &&
    typeof value.expires_in === 'number' &&
    Number.isFinite(value.expires_in) &&
    (value.user === undefined || isDashboardUser(value.user))
  );
}

/** The body of a login that asks for the TOTP step. */
export interface TwoFactorChallenge {
  requires_2fa: true;
  user_id: string;
}

/** `{"requires_2fa":true,"user_id":…}` from `/dashboard/auth/login`. */
export function isTwoFactorChallenge(value: unknown): value is TwoFactorChallenge {
  return isObject(value) && value.requires_2fa === true && isString(value.user_id) && value.user_id !== '';
}

/** The body of a successful dashboard login: a challenge or a session. */
export function isLoginResponse(value: unknown): value is TwoFactorChallenge | AuthSession {
  return isTwoFactorChallenge(value) || isAuthSession(value);
}
