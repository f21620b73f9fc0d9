/**
 * Helpers of the server tests: an in-process server on 127.0.0.1:0 with a
 * temporary data folder and a clock the test can move, a raw HTTP client
 * (node:http, so paths go out exactly as written), and key/login shortcuts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServiceKey } from '../../../server/cli/keysCommand';
import { RunningServer, startServer, StartServerOptions } from '../../../server/startServer';

/** A valid 32-byte encryption key for tests. */
export const TEST_ENCRYPTION_KEY = 'test-key-0123456789abcdefghijklm';
/** The dashboard admin of tests that log in. */
export const ADMIN = { email: 'admin@example.test', password: 'correct horse battery' };

/** A clock in microseconds that only moves when told to. */
export class ManualClock {
  micros = Date.now() * 1000;
  readonly read = (): number => this.micros;
  advanceSeconds(seconds: number): void {
    this.micros += seconds * 1_000_000;
  }
}

/** An in-process server for one test suite. */
export interface TestServer {
  readonly url: string;
  readonly dataDir: string;
  readonly clock: ManualClock;
  readonly logs: string[];
  readonly server: RunningServer;
  close(): Promise<void>;
}

/** A fresh temporary folder (removed by `removeDir`). */
export function tempDir(prefix = 'fluxbase-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Removes a temporary folder. */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Starts a server with a manual clock and a temp data folder (pass `admin: ADMIN` for logins). */
export async function startTestServer(options: Partial<StartServerOptions> = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDir();
  const clock = new ManualClock();
  const logs: string[] = [];
  const server = await startServer({
    port: 0,
    encryptionKey: TEST_ENCRYPTION_KEY,
    clock: clock.read,
    log: (line) => logs.push(line),
    ...options,
    dataDir,
  });
  return {
    url: server.url,
    dataDir,
    clock,
    logs,
    server,
    close: async () => {
      await server.close();
      removeDir(dataDir);
    },
  };
}

/** A response as received. */
export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The body parsed as JSON (undefined when it is not JSON). */
  json: unknown;
}

/** An error answer's body as sent; for a success only its status, so a failing assertion never prints tokens. */
export function answerOf(response: RawResponse): string {
  return response.status >= 400 ? response.text : `HTTP ${response.status} (body not shown: it may hold tokens)`;
}

/** Options of `send`. A `json` value is serialised and sent with Content-Type application/json. */
export interface SendOptions {
  headers?: Record<string, string>;
  body?: string | Buffer;
  json?: unknown;
}

/** Sends one request with the path exactly as given. */
export function send(baseUrl: string, method: string, path: string, options: SendOptions = {}): Promise<RawResponse> {
  const url = new URL(baseUrl);
  const headers: Record<string, string | number> = { ...options.headers };
  let body = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
      headers['Content-Type'] = 'application/json';
    }
  }
  if (body !== undefined) headers['Content-Length'] = Buffer.byteLength(body);
  return new Promise((resolve, reject) => {
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const req = httpRequest({ host, port: url.port, method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Creates a service key with these scopes through the CLI code and returns it. */
export function createKey(dataDir: string, scopes: string): string {
  let key = '';
  createServiceKey(dataDir, scopes, 'test', { out: (text) => (key += text), err: () => undefined });
  return key.trim();
}

/** Logs the test admin in and returns the tokens. */
export async function loginAdmin(baseUrl: string): Promise<{ accessToken: string; refreshToken: string }> {
  const response = await send(baseUrl, 'POST', '/dashboard/auth/login', { json: ADMIN });
  const body = response.json as { access_token?: string; refresh_token?: string };
  if (response.status !== 200 || !body.access_token || !body.refresh_token) {
    throw new Error(`login failed: ${response.status} ${response.text}`);
  }
  return { accessToken: body.access_token, refreshToken: body.refresh_token };
}
