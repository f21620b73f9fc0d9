/**
 * The local server of `npm start`: listens on 127.0.0.1 (a free port) with
 * the demo admin, gets the demo secrets through its HTTP API and the demo
 * workspace's functions and jobs through its sync routes, and gets a
 * read+write service key in its storage for the editor's environment.
 */
import { createWriteStream } from 'node:fs';
import { createClient } from '../../src/core/api/fluxbaseClient';
import { createServiceKey } from '../../server/cli/keysCommand';
import { startServer, type RunningServer } from '../../server/startServer';
import { syncDemoRegistry } from './demoRegistrySync';
import { DEMO_ADMIN, seedDemoSecrets } from './demoSecrets';

/** The running demo server and the key the editor connects with (never printed or written to disk). */
export interface DemoServer {
  server: RunningServer;
  serviceKey: string;
}

/** Options of {@link startDemoServer}. */
export interface DemoServerOptions {
  dataDir: string;
  /** File that receives the server's log lines. */
  logFile: string;
  /** The demo workspace, already written: its functions and jobs are synced to the server. */
  workspace: string;
}

function newServiceKey(dataDir: string): string {
  let key = '';
  createServiceKey(dataDir, 'read:secrets,write:secrets,read:functions', 'npm start', {
    out: (text) => (key += text),
    err: () => undefined,
  });
  return key.trim();
}

/** Starts the server on an empty data folder and seeds it; the caller closes `server`. */
export async function startDemoServer(options: DemoServerOptions): Promise<DemoServer> {
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const running = await startServer({
    dataDir: options.dataDir,
    host: '127.0.0.1',
    port: 0,
    admin: { ...DEMO_ADMIN },
    log: (line) => log.write(`${line}\n`),
  });
  const server: RunningServer = {
    url: running.url,
    port: running.port,
    dataDir: running.dataDir,
    close: async () => {
      await running.close();
      await new Promise<void>((resolve) => log.end(resolve));
    },
  };
  try {
    const client = createClient({ url: server.url });
    try {
      const login = await client.auth.login(DEMO_ADMIN);
      await seedDemoSecrets(client);
      if (login.requires2fa) throw new Error('the demo admin must not need 2FA');
      await syncDemoRegistry(server.url, login.session.access_token, options.workspace);
    } finally {
      await client.close();
    }
    return { server, serviceKey: newServiceKey(options.dataDir) };
  } catch (error) {
    await server.close();
    throw error;
  }
}
