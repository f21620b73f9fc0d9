import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  startServer,
  type AdminOptions,
  type RunningServer,
  type StartServerOptions,
} from '../../../server/startServer';
import { createClient, type FluxbaseClient } from '../../../src/core/api/fluxbaseClient';

/** The local server of one integration suite, with a client signed in as its admin for the test's own checks. */
export interface LocalFluxbase {
  readonly dataDir: string;
  readonly server: RunningServer;
  readonly client: FluxbaseClient;
  /** Closes the client and the server, then deletes the data folder. */
  close(): Promise<void>;
}

/**
 * Starts the local server on 127.0.0.1:0 in a fresh `fluxbase-<name>-it-`
 * temp folder with `admin`, and signs a client in as that admin. `options`
 * go to the server as they are (an encryption key, a body limit…).
 */
export async function startLocalFluxbase(
  name: string,
  admin: AdminOptions,
  options: Omit<StartServerOptions, 'dataDir' | 'admin'> = {},
): Promise<LocalFluxbase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `fluxbase-${name}-it-`));
  let server: RunningServer | undefined;
  let client: FluxbaseClient | undefined;
  const close = async (): Promise<void> => {
    await client?.close();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    server = await startServer({ dataDir, port: 0, admin, log: () => undefined, ...options });
    client = createClient({ url: server.url });
    await client.auth.login(admin);
    return { dataDir, server, client, close };
  } catch (error) {
    await close();
    throw error;
  }
}
