/**
 * The in-process API of the local Fluxbase-compatible server: tests,
 * benchmarks and the CLI all start it through `startServer`.
 */
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { Clock, createSystemClock } from './clock';
import { ensureKeyMatchesData } from './crypto/keyCheck';
import { resolveEncryptionKey, resolveJwtSecret, ResolvedKey, validateEncryptionKey } from './crypto/keyFiles';
import { SecretCipher } from './crypto/secretCipher';
import { AccessTokenCache } from './auth/accessTokenCache';
import { AdminOptions, setUpAdmin } from './auth/adminSetup';
import { SecretsAuthenticator } from './auth/secretsAuth';
import { TokenService } from './auth/tokenService';
import { storedTimeFromMicros } from './goCompat/goTime';
import type { DrainLimits } from './http/bodyDrain';
import { DEFAULT_BODY_LIMIT_BYTES } from './http/requestBody';
import { createRequestHandler } from './http/requestHandler';
import { answerProtocolErrorsWithJson, requireHostHeader } from './http/protocolErrors';
import { BufferedLineWriter, LogLine } from './logging/lineWriter';
import { openDatabase, SqliteDatabase } from './storage/database';
import { prepareDataFolder } from './storage/dataFolder';
import { GroupCommit } from './storage/groupCommit';
import { SecretsRepository } from './storage/secretsRepository';
import { ReadCache } from './routes/readCache';
import { ServiceKeysRepository } from './storage/serviceKeysRepository';
import { UsersRepository } from './storage/usersRepository';
import { createRegistry, RegistryOptions } from './registry/registrySetup';

export type { AdminOptions } from './auth/adminSetup';

/** Options of `startServer`. Only `dataDir` is required. */
export interface StartServerOptions extends RegistryOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 8080; 0 picks a free port. */
  port?: number;
  /** The data folder (database and generated key files). */
  dataDir: string;
  /** Raw 32-byte key (FLUXBASE_ENCRYPTION_KEY); absent: generated into the data folder. */
  encryptionKey?: string;
  /** JWT signing secret, at least 32 bytes (FLUXBASE_AUTH_JWT_SECRET); absent: generated into the data folder. */
  jwtSecret?: string;
  /** Default 86400 (24 h). */
  accessTtlSeconds?: number;
  /** Default 604800 (7 d). */
  refreshTtlSeconds?: number;
  admin?: AdminOptions;
  /** Default 1 MiB; larger bodies get 413. */
  bodyLimitBytes?: number;
  /** How much of a body answered early (401, 413, …) is drained before the connection is dropped; default 64 MiB, 30 s. */
  drainLimits?: DrainLimits;
  /** Receives every log line; default: stdout, batched. */
  log?: LogLine;
  /** Microseconds since the Unix epoch; for tests that move time. */
  clock?: Clock;
}

/** A running server. */
export interface RunningServer {
  /** `http://HOST:PORT`, with the real port. */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** Stops accepting requests, finishes open ones, closes the database. */
  close(): Promise<void>;
}

function describeKey(name: string, key: ResolvedKey): string | undefined {
  if (key.source === 'generated') return `Generated a new ${name} in ${key.path} (mode 0600)`;
  if (key.source === 'file') return `Using the ${name} in ${key.path}`;
  return undefined;
}

function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolvePromise(server.address() as AddressInfo);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolvePromise) => {
    const force = setTimeout(() => server.closeAllConnections(), 2000);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      resolvePromise();
    });
    server.closeIdleConnections();
  });
}

/** Opens the data folder, sets up keys and the admin, and listens. Rejects with upstream's messages on bad keys. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const writer = options.log ? undefined : new BufferedLineWriter(process.stdout);
  const log: LogLine = options.log ?? (writer as BufferedLineWriter).write;
  const clock = options.clock ?? createSystemClock();
  const dataDir = resolve(options.dataDir);
  const host = options.host ?? '127.0.0.1';
  const bodyLimitBytes = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;

  if (options.encryptionKey !== undefined) validateEncryptionKey(options.encryptionKey);
  prepareDataFolder(dataDir);
  const encryptionKey = resolveEncryptionKey(options.encryptionKey, dataDir);
  const jwtSecret = resolveJwtSecret(options.jwtSecret, dataDir);
  const db: SqliteDatabase = openDatabase(dataDir);
  try {
    const cipher = new SecretCipher(encryptionKey.key);
    ensureKeyMatchesData(db, cipher, dataDir);
    for (const line of [describeKey('encryption key', encryptionKey), describeKey('JWT secret', jwtSecret)]) {
      if (line !== undefined) log(line);
    }

    const users = new UsersRepository(db);
    if (options.admin) await setUpAdmin(users, cipher, options.admin, storedTimeFromMicros(clock()), log);
    const tokens = new TokenService({
      secret: jwtSecret.key,
      accessTtlSeconds: options.accessTtlSeconds ?? 86400,
      refreshTtlSeconds: options.refreshTtlSeconds ?? 604800,
      clock,
    });
    const repository = new SecretsRepository(db);
    const groupCommit = new GroupCommit(db);
    const readCache = new ReadCache(clock, () => repository.changeCount);
    const tokenCache = new AccessTokenCache(tokens, users);
    const authenticator = new SecretsAuthenticator(new ServiceKeysRepository(db), tokenCache, clock);
    const handler = createRequestHandler({
      secrets: { repository, groupCommit, readCache, cipher, clock, bodyLimitBytes },
      dashboard: { users, tokens, cipher, clock, bodyLimitBytes, pendingSecondFactor: new Map() },
      authenticator,
      registry: createRegistry(
        { db, clock, jwtSecret: jwtSecret.key, secretsAuth: authenticator, tokenCache, bodyLimitBytes, log },
        options,
      ),
      log,
      drainLimits: options.drainLimits,
    });

    const server = createServer(
      { keepAliveTimeout: 65_000, requireHostHeader: false },
      requireHostHeader(handler, options.drainLimits),
    );
    answerProtocolErrorsWithJson(server, options.drainLimits);
    const address = await listen(server, host, options.port ?? 8080);
    const urlHost = address.address.includes(':') ? `[${address.address}]` : address.address;
    const url = `http://${urlHost}:${address.port}`;
    log(`Fluxbase server listening on ${url}`);
    writer?.flush();

    let closing: Promise<void> | undefined;
    return {
      url,
      port: address.port,
      dataDir,
      close: () => {
        closing ??= closeServer(server).then(() => {
          groupCommit.flush();
          db.close();
          log('Fluxbase server stopped');
          writer?.flush();
        });
        return closing;
      },
    };
  } catch (error) {
    db.close();
    writer?.flush();
    throw error;
  }
}
