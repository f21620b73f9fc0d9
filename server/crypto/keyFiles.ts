/**
 * The two server secrets (the encryption key and the JWT signing secret):
 * taken from configuration when given, else read from, or generated into, a
 * file in the data folder that only the owner can read (mode 0600). An
 * existing file is refused when another user owns it or group/others may
 * read or write it.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requirePrivateKeyFile } from '../storage/dataFolder';

/** Name of the generated encryption key file in the data folder. */
export const ENCRYPTION_KEY_FILE = 'encryption.key';
/** Name of the generated JWT secret file in the data folder. */
export const JWT_SECRET_FILE = 'jwt-secret';

/** Where a key came from; `generated` means this start created the file. */
export type KeySource = 'configured' | 'file' | 'generated';

/** A resolved key and where it came from (for the start-up log; never the key itself). */
export interface ResolvedKey {
  readonly key: Buffer;
  readonly source: KeySource;
  readonly path?: string;
}

/**
 * Upstream's start-up check of `encryption_key` (contract §2.3), word for
 * word: the key is the raw bytes of the string and must be exactly 32.
 */
export function validateEncryptionKey(configured: string): Buffer {
  const key = Buffer.from(configured, 'utf8');
  if (key.length === 0) throw new Error('encryption_key is required for AES-256 encryption (must be exactly 32 bytes)');
  if (key.length !== 32)
    throw new Error(`encryption_key must be exactly 32 bytes for AES-256, got ${key.length} bytes`);
  return key;
}

/** Minimum length of a configured JWT secret. */
export const MIN_JWT_SECRET_BYTES = 32;

/** Checks a configured JWT signing secret. */
export function validateJwtSecret(configured: string): Buffer {
  const secret = Buffer.from(configured, 'utf8');
  if (secret.length < MIN_JWT_SECRET_BYTES) {
    throw new Error(`FLUXBASE_AUTH_JWT_SECRET must be at least ${MIN_JWT_SECRET_BYTES} bytes, got ${secret.length}`);
  }
  return secret;
}

/**
 * Reads the key file (refused unless private to the server's user), or
 * creates it with `generate()` (mode 0600, never overwriting a file that
 * appeared meanwhile).
 */
function readOrCreateKeyFile(path: string, generate: () => string): ResolvedKey {
  if (existsSync(path)) {
    requirePrivateKeyFile(path);
    return { key: Buffer.from(readFileSync(path, 'utf8').trim(), 'utf8'), source: 'file', path };
  }
  const text = generate();
  writeFileSync(path, text + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return { key: Buffer.from(text, 'utf8'), source: 'generated', path };
}

/**
 * The encryption key: the configured string when given (validated like
 * upstream), else the key file. A generated key is 32 URL-safe base64
 * characters (192 random bits), so its 32 bytes can also be copied into
 * FLUXBASE_ENCRYPTION_KEY.
 */
export function resolveEncryptionKey(configured: string | undefined, dataDir: string): ResolvedKey {
  if (configured !== undefined) return { key: validateEncryptionKey(configured), source: 'configured' };
  const resolved = readOrCreateKeyFile(join(dataDir, ENCRYPTION_KEY_FILE), () => randomBytes(24).toString('base64url'));
  validateEncryptionKey(resolved.key.toString('utf8'));
  return resolved;
}

/** The JWT signing secret: the configured string when given, else the secret file (generated on first start). */
export function resolveJwtSecret(configured: string | undefined, dataDir: string): ResolvedKey {
  if (configured !== undefined) return { key: validateJwtSecret(configured), source: 'configured' };
  const resolved = readOrCreateKeyFile(join(dataDir, JWT_SECRET_FILE), () => randomBytes(48).toString('base64url'));
  validateJwtSecret(resolved.key.toString('utf8'));
  return resolved;
}
