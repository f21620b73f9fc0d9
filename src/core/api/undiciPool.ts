/**
 * The keep-alive connection pool, built on undici's `Pool`. esbuild.mjs
 * bundles this file on its own as dist/client.js, which LazyPool loads on the
 * first request, so activation never loads undici. It imports `Pool` and
 * `request()` from their own files: undici's index would also bring fetch,
 * WebSocket, the cache and the mocks (half a megabyte).
 */
import request from 'undici/lib/api/api-request.js';
import Pool from 'undici/lib/dispatcher/pool.js';
import type { PoolSettings, RequestDispatcher } from './requestDispatcher';

/** A keep-alive undici pool to `origin`. */
export function createUndiciPool(origin: string, settings: PoolSettings): RequestDispatcher {
  const pool = new Pool(origin, {
    connections: settings.connections,
    connectTimeout: settings.connectTimeoutMs,
    headersTimeout: settings.responseTimeoutMs,
    bodyTimeout: settings.responseTimeoutMs,
    maxResponseSize: settings.maxResponseBytes,
  });
  return {
    // undici's index adds request() to every Dispatcher's prototype; called directly here instead.
    request: (options) => request.call(pool, options),
    close: () => pool.close(),
  };
}
