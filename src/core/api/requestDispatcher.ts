import type { Dispatcher } from 'undici';

/** The part of undici's Dispatcher that HttpTransport uses; a Pool, a MockAgent and LazyPool all provide it. */
export interface RequestDispatcher {
  request(options: Dispatcher.RequestOptions): Promise<Dispatcher.ResponseData>;
  /** Lets requests in flight finish, then closes the connections; later requests fail with `UND_ERR_CLOSED`. */
  close(): Promise<void>;
}

/** How the transport's own connection pool is set up. */
export interface PoolSettings {
  connections: number;
  connectTimeoutMs: number;
  /** Time for the response headers, and between body chunks (the transport also sets each request a total deadline). */
  responseTimeoutMs: number;
  maxResponseBytes: number;
}
