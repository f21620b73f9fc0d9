/**
 * The HTTP layer under FluxbaseAuth and SecretsManager, in the role of the
 * SDK's `FluxbaseFetch`: one keep-alive undici pool per client (loaded on the
 * first request, see LazyPool), the common headers, credentials, timeouts,
 * read retries, one recovery from a 401, body validation and one debug log
 * line per request.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Dispatcher } from 'undici';
import type { Logger } from '../../shared/logger';
import { silentLogger } from '../../shared/logger';
import type { ApiRoute } from './apiRoutes';
import type { Credentials } from './authTypes';
import { parseBaseUrl, type BaseUrl } from './baseUrl';
import {
  deadlineExceeded,
  errorFromResponse,
  errorFromTransportFailure,
  malformedResponse,
  type HttpResponse,
} from './errorMapping';
import { FluxbaseApiError } from './fluxbaseApiError';
import { decodedText } from './bodyText';
import { LazyPool } from './lazyPool';
import type { RequestDispatcher } from './requestDispatcher';
import type { Guard } from './responseGuards';
import { parseGuardedArray } from './slicedArrayParse';
import { DEFAULT_RETRY_POLICY, readRetryDelayMs, type RetryPolicy } from './retryPolicy';
import { DEFAULT_USER_AGENT } from './version';

/** Settings of a transport; the subset of ClientOptions that concerns HTTP. */
export interface TransportOptions {
  url: string;
  /** Sent as `X-FB-Tenant` (NF, contract §3.6). */
  tenant?: string;
  /**
   * The most time one round trip may take, from sending to the last byte of the
   * body (also the limit for the headers and for each gap in the body). Default 30000.
   */
  timeoutMs?: number;
  userAgent?: string;
  logger?: Logger;
  /** Tests pass a MockAgent. A dispatcher passed in is not closed by `close()`. */
  dispatcher?: Dispatcher;
  retry?: RetryPolicy;
}

/** The HTTP methods the API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** One API call, before headers and credentials are added. */
export interface ApiCall {
  method: HttpMethod;
  route: ApiRoute;
  /** Entries whose value is undefined or empty are left out. */
  query?: Record<string, string | undefined>;
  /** Sent as JSON when present. */
  body?: object;
  /** False for login, 2FA and refresh, which must not carry (or renew) credentials. Default true. */
  authenticated?: boolean;
  /** Strings of the request (a secret value, a password) that must never reach an error message. */
  sensitiveValues?: readonly string[];
}

/** Supplies the credentials of requests and recovers from a 401; FluxbaseAuth implements it. */
export interface Authenticator {
  readonly credentials: Credentials;
  /**
   * Called after a 401 to a request sent with `rejected`. Resolves true when
   * other credentials are now held (the request is then sent once more),
   * false when there is nothing to retry with; rejects when renewal failed.
   */
  renewAfterUnauthorized(rejected: Credentials): Promise<boolean>;
}

/** Default deadline of a round trip (headers and body). */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Default time to establish a connection (never more than the response timeout). */
export const CONNECT_TIMEOUT_MS = 10_000;
const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
const NO_CREDENTIALS: Credentials = { type: 'none' };

/** Sends API calls to one Fluxbase server and returns validated bodies or throws FluxbaseApiError. */
export class HttpTransport {
  /** The server URL with one trailing slash stripped. */
  readonly url: string;
  private readonly base: BaseUrl;
  private readonly dispatcher: RequestDispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly timeouts: { connectMs: number; responseMs: number };
  private readonly commonHeaders: Record<string, string>;
  private readonly logger: Logger;
  private readonly retry: RetryPolicy;
  private authenticator: Authenticator | undefined;
  private closing: Promise<void> | undefined;

  constructor(options: TransportOptions) {
    this.base = parseBaseUrl(options.url);
    this.url = this.base.url;
    const responseMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.timeouts = { connectMs: Math.min(CONNECT_TIMEOUT_MS, responseMs), responseMs };
    this.logger = options.logger ?? silentLogger;
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.commonHeaders = {
      accept: 'application/json',
      'user-agent': options.userAgent ?? DEFAULT_USER_AGENT,
      ...(options.tenant ? { 'x-fb-tenant': options.tenant } : {}),
    };
    this.ownsDispatcher = options.dispatcher === undefined;
    this.dispatcher =
      options.dispatcher ??
      new LazyPool(this.base.origin, {
        connections: 8,
        connectTimeoutMs: this.timeouts.connectMs,
        responseTimeoutMs: responseMs,
        maxResponseBytes: MAX_RESPONSE_BYTES,
      });
  }

  /** Where request credentials come from; set once by FluxbaseClient. */
  useAuthenticator(authenticator: Authenticator): void {
    this.authenticator = authenticator;
  }

  /** Sends `call` and returns its JSON body once `guard` accepts it. */
  async request<T>(call: ApiCall, guard: Guard<T>): Promise<T> {
    const response = await this.send(call);
    let body: unknown;
    try {
      body = JSON.parse(response.text);
    } catch {
      throw malformedResponse(call.method, call.route.shape, response.status);
    }
    if (!guard(body)) {
      throw malformedResponse(call.method, call.route.shape, response.status);
    }
    return body;
  }

  /**
   * Sends `call` and returns its JSON array body once `item` accepts every item. Parsed and
   * checked in slices that yield (slicedArrayParse.ts): a list of 50,000 secrets is 11.6 MiB.
   */
  async requestArray<T>(call: ApiCall, item: Guard<T>): Promise<T[]> {
    const response = await this.send(call);
    try {
      return await parseGuardedArray(response.text, item);
    } catch {
      throw malformedResponse(call.method, call.route.shape, response.status);
    }
  }

  /** Sends `call` for its effect; the success body is read and ignored. */
  async requestNoContent(call: ApiCall): Promise<void> {
    await this.send(call);
  }

  /** Closes the connection pool this transport created (a dispatcher passed in stays open). Safe to call twice. */
  close(): Promise<void> {
    if (this.ownsDispatcher) {
      this.closing ??= this.dispatcher.close();
    }
    return this.closing ?? Promise.resolve();
  }

  /** Resolves with a 2xx response or rejects with FluxbaseApiError. */
  private async send(call: ApiCall): Promise<HttpResponse> {
    const authenticator = call.authenticated === false ? undefined : this.authenticator;
    const credentials = authenticator?.credentials ?? NO_CREDENTIALS;
    let response = await this.sendRetryingReads(call, credentials);
    if (response.status === 401 && authenticator && (await authenticator.renewAfterUnauthorized(credentials))) {
      response = await this.sendRetryingReads(call, authenticator.credentials);
    }
    if (response.status < 200 || response.status > 299) {
      throw errorFromResponse(response, call.sensitiveValues);
    }
    return response;
  }

  private async sendRetryingReads(call: ApiCall, credentials: Credentials): Promise<HttpResponse> {
    const policy: RetryPolicy = call.method === 'GET' ? this.retry : { ...this.retry, attempts: 0 };
    for (let retryIndex = 0; ; retryIndex++) {
      const outcome = await this.exchange(call, credentials);
      const delayMs = readRetryDelayMs(outcome, retryIndex, policy);
      if (delayMs === undefined) {
        if (outcome instanceof FluxbaseApiError) {
          throw outcome;
        }
        return outcome;
      }
      this.logger.debug(`HTTP ${call.method} ${call.route.shape} retry ${retryIndex + 1} in ${delayMs}ms`);
      await sleep(delayMs);
    }
  }

  /**
   * One round trip, logged; a failure without an HTTP answer is returned as a
   * FluxbaseApiError. The whole trip, body included, has one deadline: undici's
   * own timeouts only bound each wait, so a server that drips a byte now and
   * then would hold the request forever. At the deadline the request is aborted,
   * which destroys its connection instead of returning it to the pool.
   */
  private async exchange(call: ApiCall, credentials: Credentials): Promise<HttpResponse | FluxbaseApiError> {
    const started = Date.now();
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(deadlineExceeded()), this.timeouts.responseMs);
    const body = call.body === undefined ? undefined : JSON.stringify(call.body);
    const headers: Record<string, string> = {
      ...this.commonHeaders,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...credentialHeaders(credentials),
    };
    try {
      const response = await this.dispatcher.request({
        origin: this.base.origin,
        path: this.base.pathPrefix + call.route.path + queryString(call.query),
        method: call.method,
        headers,
        body,
        headersTimeout: this.timeouts.responseMs,
        bodyTimeout: this.timeouts.responseMs,
        signal: deadline.signal,
      });
      const text = await decodedText(response.body);
      this.logger.debug(`HTTP ${call.method} ${call.route.shape} ${response.statusCode} ${Date.now() - started}ms`);
      return { status: response.statusCode, headers: response.headers, text };
    } catch (error) {
      const failure = errorFromTransportFailure(error, this.base.displayUrl, this.timeouts);
      this.logger.debug(`HTTP ${call.method} ${call.route.shape} failed (${failure.kind}) ${Date.now() - started}ms`);
      return failure;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** The header that carries `credentials`: a Bearer token or a service key, never both. */
function credentialHeaders(credentials: Credentials): Record<string, string> {
  switch (credentials.type) {
    case 'session':
      return { authorization: `Bearer ${credentials.accessToken}` };
    case 'serviceKey':
      return { 'x-service-key': credentials.key };
    case 'none':
      return {};
  }
}

function queryString(query: Record<string, string | undefined> | undefined): string {
  const pairs = Object.entries(query ?? {}).filter((entry): entry is [string, string] => Boolean(entry[1]));
  return pairs.length === 0
    ? ''
    : `?${pairs.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join('&')}`;
}
