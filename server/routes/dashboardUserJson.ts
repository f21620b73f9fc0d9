/**
 * The DashboardUser of login, 2FA verify and /me, with upstream's field order
 * and omissions (contract §3.5 A).
 */
import type { DashboardUser } from '../../src/core/api/authTypes';
import { storedTimeToJson } from '../goCompat/goTime';
import type { UserRow } from '../storage/usersRepository';

/** Builds the DashboardUser object; `role` is only set by /me. */
export function dashboardUser(row: UserRow, role?: string): DashboardUser {
  return {
    id: row.id,
    email: row.email,
    email_verified: row.email_verified === 1,
    ...(row.full_name !== null ? { full_name: row.full_name } : {}),
    totp_enabled: row.totp_enabled === 1,
    is_active: row.is_active === 1,
    is_locked: row.is_locked === 1,
    ...(row.locked_until !== null ? { locked_until: storedTimeToJson(row.locked_until) } : {}),
    ...(row.last_login_at !== null ? { last_login_at: storedTimeToJson(row.last_login_at) } : {}),
    created_at: storedTimeToJson(row.created_at),
    updated_at: storedTimeToJson(row.updated_at),
    ...(role !== undefined ? { role } : {}),
  };
}
