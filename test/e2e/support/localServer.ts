import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startServer, type AdminOptions, type RunningServer } from '../../../server/startServer';
import { createClient, type FluxbaseClient } from '../../../src/core/api/fluxbaseClient';
import { createKey } from '../../unit/server/serverHarness';

/** Options for {@link startLocalServer}. */
export interface LocalServerOptions {
  /** The data folder; defaults to a fresh temp folder named after `name`. */
  dataDir?: string;
  /** The admin the server sets up; when given, the test's client signs in as this admin instead of with the key. */
  admin?: AdminOptions;
  /** The service key's scopes; default `read:secrets,write:secrets`. */
  keyScopes?: string;
}

/** The local Fluxbase server of one UI suite, and a client for the test's own seeding and checks. */
export interface LocalServer {
  readonly dataDir: string;
  readonly url: string;
  /** A service key with read and write scopes, made before the server started. */
  readonly serviceKey: string;
  /** Signed in with `serviceKey`, or as the admin when one was given. */
  readonly client: FluxbaseClient;
  /** The extension environment that makes its "Environment" connection sign in with `serviceKey`. */
  readonly extensionEnv: { FLUXBASE_URL: string; FLUXBASE_SERVICE_TOKEN: string };
  /** Closes the client and the server, then deletes the data folder. */
  close(): Promise<void>;
}

/**
 * Makes a read/write service key in the data folder (a fresh
 * `fluxbase-<name>-` temp folder unless given), starts the local server on
 * 127.0.0.1:0 on it, and opens a client to it.
 */
export async function startLocalServer(name: string, options: LocalServerOptions = {}): Promise<LocalServer> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), `fluxbase-${name}-`));
  let server: RunningServer | undefined;
  let client: FluxbaseClient | undefined;
  const close = async (): Promise<void> => {
    try {
      await client?.close();
      await server?.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
  try {
    const serviceKey = createKey(dataDir, options.keyScopes ?? 'read:secrets,write:secrets');
    server = await startServer({ dataDir, port: 0, admin: options.admin, log: () => undefined });
    if (options.admin) {
      client = createClient({ url: server.url });
      await client.auth.login(options.admin);
    } else {
      client = createClient({ url: server.url, credentials: { type: 'serviceKey', key: serviceKey } });
    }
    return {
      dataDir,
      url: server.url,
      serviceKey,
      client,
      extensionEnv: { FLUXBASE_URL: server.url, FLUXBASE_SERVICE_TOKEN: serviceKey },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
