/**
 * The entry point of the API client: `createClient({ url })` gives a client
 * whose `auth` signs in and whose `secrets` is the SDK's SecretsManager
 * surface, both over one keep-alive connection pool.
 */
import type { Dispatcher } from 'undici';
import type { Logger } from '../../shared/logger';
import type { Credentials } from './authTypes';
import { FluxbaseAuth } from './fluxbaseAuth';
import { FunctionsRegistry } from './functionsRegistry';
import { HttpTransport } from './httpTransport';
import type { RetryPolicy } from './retryPolicy';
import { SecretsManager } from './secretsManager';

/** Everything a client can be configured with; only `url` is required. */
export interface ClientOptions {
  /** The server's base URL; a path prefix is kept, one trailing slash is dropped. */
  url: string;
  /** Sent as `X-FB-Tenant` (the tenant UUID, NF servers). */
  tenant?: string;
  /** Deadline of each round trip, headers and body; default 30000. Connecting gets at most 10 s of it. */
  timeoutMs?: number;
  /** Default `fluxbase-secrets-vscode/<version>`. */
  userAgent?: string;
  /** Credentials to start with, e.g. restored from SecretStorage. */
  credentials?: Credentials;
  /** Receives one debug line per request (method, route shape, status, ms). */
  logger?: Logger;
  /** Replaces the client's own pool; tests pass undici's MockAgent. */
  dispatcher?: Dispatcher;
  /** Retries of reads; default 2 retries from 250 ms. */
  retry?: RetryPolicy;
}

/** A connection to one Fluxbase server. */
export class FluxbaseClient {
  /** The server URL with one trailing slash stripped. */
  readonly url: string;
  readonly auth: FluxbaseAuth;
  readonly secrets: SecretsManager;
  /** Where functions and jobs are deployed (list calls only). */
  readonly registry: FunctionsRegistry;
  private readonly transport: HttpTransport;

  /** Throws a `validation` FluxbaseApiError when the URL is not http(s). */
  constructor(options: ClientOptions) {
    this.transport = new HttpTransport(options);
    this.url = this.transport.url;
    this.auth = new FluxbaseAuth(this.transport, options.credentials);
    this.transport.useAuthenticator(this.auth);
    this.secrets = new SecretsManager(this.transport);
    this.registry = new FunctionsRegistry(this.transport);
  }

  /** Closes the client's connections; later requests fail with kind `network`. */
  close(): Promise<void> {
    return this.transport.close();
  }
}

/** Creates a client, as in the SDK documentation: `createClient({ url: 'http://localhost:8080' })`. */
export function createClient(options: ClientOptions | { url: string }): FluxbaseClient {
  return new FluxbaseClient(options);
}
