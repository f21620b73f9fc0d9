/** The local server `npm run bench:ui` seeds, and the floors it measures from Node (undici). */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'undici';
import { createServiceKey } from '../../server/cli/keysCommand';
import { createClient, type FluxbaseClient } from '../../src/core/api/fluxbaseClient';
import { forkServer, type ForkedServer } from '../childServer';
import type { ServerProcessConfig } from '../serverProcess';
import { median } from '../stats';
import type { DataSetShape } from '../syntheticSecrets';

/** A seeded server in a child process, a service key for it, and a client signed in with the key. */
export interface SeededServer {
  server: ForkedServer;
  key: string;
  client: FluxbaseClient;
  shape: DataSetShape;
  /** Stops the client and the server. */
  stop(): Promise<void>;
}

/** Starts a server on a fresh data folder under `scratch`, seeded with `shape` (bench/syntheticSecrets.ts). */
export async function seededServer(scratch: string, shape: DataSetShape, label: string): Promise<SeededServer> {
  const dataDir = join(scratch, `data-${label}-${shape.total}`);
  mkdirSync(dataDir, { recursive: true });
  let key = '';
  createServiceKey(dataDir, 'read:secrets,write:secrets', 'bench-ui', {
    out: (text) => (key += text),
    err: () => undefined,
  });
  key = key.trim();
  const config: ServerProcessConfig = {
    dataDir,
    seed: shape,
    encryptionKey: randomBytes(16).toString('hex'),
    jwtSecret: randomBytes(32).toString('hex'),
    admin: { email: 'bench-ui@example.com', password: randomBytes(12).toString('hex') },
  };
  const server = await forkServer(join(__dirname, 'serverProcess.js'), config);
  const client = createClient({ url: server.url, credentials: { type: 'serviceKey', key } });
  return {
    server,
    key,
    client,
    shape,
    stop: async () => {
      await client.close();
      await server.stop();
    },
  };
}

/** The median of 3 GETs of `path` with the service key, body read: a `curl`-like floor. */
export async function requestFloorMs(seeded: SeededServer, path: string): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const response = await request(`${seeded.server.url}${path}`, { headers: { 'x-service-key': seeded.key } });
    await response.body.text();
    samples.push(performance.now() - started);
    if (response.statusCode !== 200) throw new Error(`GET ${path} answered ${response.statusCode}`);
  }
  return median(samples);
}

/** Creates a global secret `name` with `versions` versions; returns its id. */
export async function secretWithVersions(seeded: SeededServer, name: string, versions: number): Promise<string> {
  const secret = await seeded.client.secrets.create({ name, value: 'version 1' });
  for (let version = 2; version <= versions; version++) {
    await seeded.client.secrets.updateById(secret.id, { value: `version ${version}` });
  }
  return secret.id;
}
