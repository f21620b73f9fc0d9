/**
 * Wires the functions and jobs registry into a server: storage, the two
 * authentication chains, the sync IP allowlists (EU defaults unless
 * configured) and the routes.
 */
import type { Clock } from '../clock';
import type { AccessTokenCache } from '../auth/accessTokenCache';
import { AdminAuthenticator } from '../auth/adminAuth';
import { FunctionsAuthenticator } from '../auth/functionsAuth';
import { RoleTokenVerifier } from '../auth/roleTokens';
import type { SecretsAuthenticator } from '../auth/secretsAuth';
import { DEFAULT_SYNC_ALLOWED_IP_RANGES, IpAllowlist } from '../auth/syncAllowlist';
import type { LogLine } from '../logging/lineWriter';
import type { SqliteDatabase } from '../storage/database';
import { createRegistryStore } from './registryStore';
import { createRegistryHandler, RegistryDispatch } from './registryRoutes';

/** The registry's part of the server options. */
export interface RegistryOptions {
  /** CIDR ranges allowed to call the functions sync; default EU's private IPv4 ranges and 127.0.0.0/8; [] allows all. */
  functionsSyncAllowedIpRanges?: readonly string[];
  /** The same for the jobs sync. */
  jobsSyncAllowedIpRanges?: readonly string[];
}

/** What the registry is built from. */
export interface RegistryParts {
  readonly db: SqliteDatabase;
  readonly clock: Clock;
  readonly jwtSecret: Uint8Array;
  readonly secretsAuth: SecretsAuthenticator;
  readonly tokenCache: AccessTokenCache;
  readonly bodyLimitBytes: number;
  readonly log: LogLine;
}

/** Builds the registry dispatcher of a server. */
export function createRegistry(parts: RegistryParts, options: RegistryOptions): RegistryDispatch {
  const roleTokens = new RoleTokenVerifier(parts.jwtSecret, parts.clock);
  return createRegistryHandler({
    store: createRegistryStore(parts.db, parts.clock),
    bodyLimitBytes: parts.bodyLimitBytes,
    functionsAuth: new FunctionsAuthenticator(parts.secretsAuth, roleTokens),
    adminAuth: new AdminAuthenticator(parts.tokenCache, roleTokens),
    functionsSyncAllowlist: new IpAllowlist(options.functionsSyncAllowedIpRanges ?? DEFAULT_SYNC_ALLOWED_IP_RANGES),
    jobsSyncAllowlist: new IpAllowlist(options.jobsSyncAllowedIpRanges ?? DEFAULT_SYNC_ALLOWED_IP_RANGES),
    log: parts.log,
  });
}
