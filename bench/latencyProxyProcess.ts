/**
 * Child process entry: a latency proxy (latencyProxy.ts) in its own process,
 * so that the timers that delay the traffic do not wait behind the client
 * being measured. Reports its URL over IPC like the servers.
 */
import { receiveConfig, serveUntilStopped } from './childServer';
import { startLatencyProxy } from './latencyProxy';

/** What the parent passes. */
export interface LatencyProxyConfig {
  targetUrl: string;
  delayMs: number;
}

async function main(): Promise<void> {
  const config = await receiveConfig<LatencyProxyConfig>();
  const proxy = await startLatencyProxy(Number(new URL(config.targetUrl).port), config.delayMs);
  serveUntilStopped(proxy.url, () => proxy.close());
}

void main().catch((error: unknown) => {
  process.stderr.write(`latency proxy failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
