/**
 * Child process entry: the ceiling of the server benchmark. A bare
 * `node:http` server on 127.0.0.1:0 that answers each known request with the
 * exact status, headers and body the real server gave for it, doing nothing
 * else (no routing beyond one map lookup, no auth, no storage, no log).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { receiveConfig, serveUntilStopped } from './childServer';

/** One recorded response. */
export interface CannedResponse {
  status: number;
  /** Flat name/value list, as `writeHead` takes it. */
  headers: string[];
  body: string;
}

/** What the parent passes (over IPC): responses keyed by `METHOD path?query`. */
export interface BareServerConfig {
  responses: Record<string, CannedResponse>;
}

async function main(): Promise<void> {
  const config = await receiveConfig<BareServerConfig>();
  const responses = new Map(
    Object.entries(config.responses).map(([key, canned]) => [key, { ...canned, bytes: Buffer.from(canned.body) }]),
  );
  const server = createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
    const canned = responses.get(`${req.method} ${req.url}`);
    const answer = (): void => {
      if (canned === undefined) {
        res.writeHead(404).end();
      } else {
        res.writeHead(canned.status, canned.headers);
        res.end(canned.bytes);
      }
    };
    if (req.method === 'GET') {
      answer();
    } else {
      req.resume();
      req.once('end', answer);
    }
  });
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    serveUntilStopped(
      `http://127.0.0.1:${port}`,
      () =>
        new Promise((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    );
  });
}

void main().catch((error: unknown) => {
  process.stderr.write(`bench bare server failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
