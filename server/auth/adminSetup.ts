/**
 * Sets up the configured dashboard admin at start (FLUXBASE_ADMIN_EMAIL,
 * FLUXBASE_ADMIN_PASSWORD, FLUXBASE_ADMIN_TOTP_SECRET). A new password raises
 * the admin's credentials epoch, so tokens issued before are refused; the same
 * password keeps its stored hash and the epoch, so a plain restart signs no
 * one out. When the email changes, the previously configured admin is
 * deactivated (its tokens are refused too) and the log says so.
 */
import type { SecretCipher } from '../crypto/secretCipher';
import type { LogLine } from '../logging/lineWriter';
import type { UsersRepository } from '../storage/usersRepository';
import { hashPassword, verifyPassword } from './passwords';
import { decodeBase32 } from './totp';

/** A dashboard admin to create or update at start. */
export interface AdminOptions {
  email: string;
  password: string;
  /** Base32 TOTP secret: turns 2FA on for this admin. Absent: 2FA is left as it is. */
  totpSecret?: string;
}

/** Creates or updates the configured admin and deactivates any previously configured one. */
export async function setUpAdmin(
  users: UsersRepository,
  cipher: SecretCipher,
  admin: AdminOptions,
  now: string,
  log: LogLine,
): Promise<void> {
  let encryptedTotpSecret: string | undefined;
  if (admin.totpSecret !== undefined) {
    if (!decodeBase32(admin.totpSecret)) throw new Error('the admin TOTP secret is not valid base32');
    encryptedTotpSecret = cipher.encrypt(admin.totpSecret);
  }
  const existing = users.findByEmail(admin.email);
  const unchanged = existing !== undefined && (await verifyPassword(admin.password, existing.password_hash));
  const passwordHash = unchanged ? existing.password_hash : await hashPassword(admin.password);
  const row = users.upsertAdmin({ email: admin.email, passwordHash, encryptedTotpSecret }, now);
  for (const email of users.deactivateAllBut(row.id, now)) {
    log(`Dashboard admin ${email} is deactivated: FLUXBASE_ADMIN_EMAIL is now ${admin.email}`);
  }
  log(`Dashboard admin ${admin.email} is ready`);
}
