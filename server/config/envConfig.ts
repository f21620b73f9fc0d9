/**
 * Turns the environment and the command-line flags into `startServer`
 * options. Every FLUXBASE_* variable the server reads is here.
 */
import type { StartServerOptions } from '../startServer';
import { parseIpRanges } from '../auth/syncAllowlist';

/** The flags of `npm run server`. */
export interface ServeFlags {
  host?: string;
  port?: string;
  data?: string;
}

/** Default of --host: loopback only. */
export const DEFAULT_HOST = '127.0.0.1';
/** Default of --port. */
export const DEFAULT_PORT = 8080;
/** Default of --data, relative to the working directory. */
export const DEFAULT_DATA_DIR = '.fluxbase';

function positiveInteger(name: string, text: string | undefined, allowZero = false): number | undefined {
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!/^[0-9]+$/.test(text) || !Number.isSafeInteger(value) || (value === 0 && !allowZero)) {
    throw new Error(`${name} must be a ${allowZero ? 'non-negative' : 'positive'} integer, got "${text}"`);
  }
  return value;
}

/** Builds the options; throws with a readable message on invalid values. */
export function serverOptionsFromEnv(env: NodeJS.ProcessEnv, flags: ServeFlags): StartServerOptions {
  const port = positiveInteger('--port', flags.port, true) ?? DEFAULT_PORT;
  if (port > 65535) throw new Error(`--port must be at most 65535, got ${port}`);
  const options: StartServerOptions = {
    host: flags.host ?? DEFAULT_HOST,
    port,
    dataDir: flags.data ?? DEFAULT_DATA_DIR,
    encryptionKey: env.FLUXBASE_ENCRYPTION_KEY,
    jwtSecret: env.FLUXBASE_AUTH_JWT_SECRET,
    accessTtlSeconds: positiveInteger('FLUXBASE_AUTH_ACCESS_TTL', env.FLUXBASE_AUTH_ACCESS_TTL),
    refreshTtlSeconds: positiveInteger('FLUXBASE_AUTH_REFRESH_TTL', env.FLUXBASE_AUTH_REFRESH_TTL),
    bodyLimitBytes: positiveInteger('FLUXBASE_SERVER_BODY_LIMIT', env.FLUXBASE_SERVER_BODY_LIMIT),
  };
  for (const [name, key] of [
    ['FLUXBASE_FUNCTIONS_SYNC_ALLOWED_IP_RANGES', 'functionsSyncAllowedIpRanges'],
    ['FLUXBASE_JOBS_SYNC_ALLOWED_IP_RANGES', 'jobsSyncAllowedIpRanges'],
  ] as const) {
    const text = env[name];
    if (text !== undefined) options[key] = parseIpRanges(name, text);
  }
  const email = env.FLUXBASE_ADMIN_EMAIL ?? '';
  const password = env.FLUXBASE_ADMIN_PASSWORD ?? '';
  if ((email === '') !== (password === '')) {
    throw new Error('FLUXBASE_ADMIN_EMAIL and FLUXBASE_ADMIN_PASSWORD must be set together');
  }
  if (email !== '') {
    const totpSecret = env.FLUXBASE_ADMIN_TOTP_SECRET;
    options.admin = { email, password, ...(totpSecret ? { totpSecret } : {}) };
  }
  return options;
}
