/**
 * Defers loading undici to the first request: activation builds clients
 * (one per connection) but must not pay for parsing the HTTP stack.
 */
import type { Dispatcher } from 'undici';
import type { PoolSettings, RequestDispatcher } from './requestDispatcher';

type UndiciPoolModule = typeof import('./undiciPool');

let poolModule: UndiciPoolModule | undefined;

function loadUndiciPool(): UndiciPoolModule {
  // A require at first use, not an import: esbuild.mjs maps './undiciPool' to the separate bundle dist/client.js.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  poolModule ??= require('./undiciPool') as UndiciPoolModule;
  return poolModule;
}

/** The error undici gives for a request to a closed pool; errorMapping reads only its code. */
class PoolClosedError extends Error {
  readonly code = 'UND_ERR_CLOSED';
}

/** A keep-alive undici pool to one origin, created (and undici loaded) when the first request is sent. */
export class LazyPool implements RequestDispatcher {
  private pool: RequestDispatcher | undefined;
  private closed = false;

  constructor(
    private readonly origin: string,
    private readonly settings: PoolSettings,
  ) {}

  async request(options: Dispatcher.RequestOptions): Promise<Dispatcher.ResponseData> {
    if (this.pool === undefined) {
      if (this.closed) {
        throw new PoolClosedError('The client was closed');
      }
      this.pool = loadUndiciPool().createUndiciPool(this.origin, this.settings);
    }
    return this.pool.request(options);
  }

  close(): Promise<void> {
    this.closed = true;
    return this.pool?.close() ?? Promise.resolve();
  }
}
