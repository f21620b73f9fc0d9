/**
 * Who calls a functions or jobs route: the `user_role` upstream's
 * middlewares set, the dashboard user (for `created_by`), and a service
 * key's scopes.
 */
import type { Caller } from './secretsAuth';

/** An authenticated caller of the registry routes. */
export interface RegistryCaller {
  readonly role: string;
  /** The dashboard user's id; null for keys and role JWTs. */
  readonly userId: string | null;
  /** The credential the scope check looks at (service keys only). */
  readonly secretsCaller?: Caller;
}

/** The roles upstream's `isAdminRole` and `RequireRole(...)` accept. */
const ADMIN_ROLES: readonly string[] = ['admin', 'dashboard_admin', 'service_role'];

/** True when the role may list functions, view them, and use /api/v1/admin. */
export function isAdminRole(role: string): boolean {
  return ADMIN_ROLES.includes(role);
}

/** A dashboard user or a service key, as the secrets authenticator found them. */
export function fromSecretsCaller(caller: Caller): RegistryCaller {
  return caller.kind === 'user'
    ? { role: 'dashboard_admin', userId: caller.userId, secretsCaller: caller }
    : { role: 'service_role', userId: null, secretsCaller: caller };
}
