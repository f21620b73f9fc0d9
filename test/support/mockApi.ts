/**
 * undici MockAgent helpers for client tests: scripted answers per exact
 * method + path (query included), a record of every request the client sent,
 * and a client wired to the mock with fast retries and a recording logger.
 */
import { MockAgent, type Interceptable } from 'undici';
import { createClient, type ClientOptions, type FluxbaseClient } from '../../src/core/api/fluxbaseClient';
import type { Logger } from '../../src/shared/logger';

/** The base URL mock clients talk to; nothing listens there. */
export const MOCK_URL = 'http://fluxbase.test:8080';

/** What the client sent, as the mock saw it. */
export interface RecordedRequest {
  method: string;
  /** Path with the query string, exactly as sent. */
  path: string;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  /** The raw body, or undefined when none was sent. */
  body: string | undefined;
}

/** A scripted answer: an object body is sent as JSON, a string as is. */
export interface MockReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A logger that keeps every line, for asserting what the client logs. */
export function recordingLogger(lines: string[]): Logger {
  const keep = (message: string | Error): void => {
    lines.push(typeof message === 'string' ? message : `${message.name}: ${message.message}`);
  };
  return { trace: keep, debug: keep, info: keep, warn: keep, error: keep };
}

/** A MockAgent that refuses real connections and answers only what a test scripts. */
export class MockApi {
  readonly agent = new MockAgent();
  readonly requests: RecordedRequest[] = [];
  readonly logLines: string[] = [];
  private readonly pool: Interceptable;

  constructor(readonly url: string = MOCK_URL) {
    this.agent.disableNetConnect();
    this.pool = this.agent.get(new URL(url).origin);
  }

  /** Answers the next `times` requests to `method path` (query included) with `reply`. */
  on(method: string, path: string, reply: MockReply | ((request: RecordedRequest) => MockReply), times = 1): this {
    this.pool
      .intercept({ method, path })
      .reply((options) => {
        const request = this.record(options);
        const answer = typeof reply === 'function' ? reply(request) : reply;
        const isText = typeof answer.body === 'string';
        return {
          statusCode: answer.status,
          data: answer.body === undefined ? '' : isText ? (answer.body as string) : JSON.stringify(answer.body),
          responseOptions: {
            headers: { 'content-type': isText ? 'text/html' : 'application/json', ...answer.headers },
          },
        };
      })
      .times(times);
    return this;
  }

  /** Fails the next `times` requests to `method path` without an HTTP answer, with an error of `code` (e.g. ECONNRESET). */
  fail(method: string, path: string, code: string, times = 1): this {
    const error = Object.assign(new Error(`simulated ${code}`), { code });
    this.pool.intercept({ method, path }).replyWithError(error).times(times);
    return this;
  }

  /** A client of this mock; retries are fast so tests stay quick. */
  client(options: Partial<ClientOptions> = {}): FluxbaseClient {
    return createClient({
      url: this.url,
      dispatcher: this.agent,
      logger: recordingLogger(this.logLines),
      retry: { attempts: 2, baseDelayMs: 1 },
      ...options,
    });
  }

  /** The requests whose method and path (without query) match. */
  sent(method: string, pathWithoutQuery: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && r.path.split('?')[0] === pathWithoutQuery);
  }

  /** Throws when a scripted answer was never used. */
  assertAllUsed(): void {
    this.agent.assertNoPendingInterceptors();
  }

  close(): Promise<void> {
    return this.agent.close();
  }

  private record(options: { method: string; path: string; headers?: unknown; body?: unknown }): RecordedRequest {
    const request: RecordedRequest = {
      method: options.method,
      path: options.path,
      headers: lowerCaseHeaders(options.headers),
      body: typeof options.body === 'string' ? options.body : undefined,
    };
    this.requests.push(request);
    return request;
  }
}

function lowerCaseHeaders(headers: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (typeof headers === 'object' && headers !== null && !Array.isArray(headers)) {
    for (const [name, value] of Object.entries(headers)) {
      result[name.toLowerCase()] = String(value);
    }
  }
  return result;
}

/** A MockApi and its client, fresh for every test of the suite that calls `mockApiPerTest`. */
export interface MockApiFixture {
  readonly api: MockApi;
  readonly client: FluxbaseClient;
}

/**
 * Registers mocha hooks that give each test a new MockApi and a client of it,
 * and after each test check that every scripted answer was used and close it.
 */
export function mockApiPerTest(options: Partial<ClientOptions> = {}): MockApiFixture {
  let current: { api: MockApi; client: FluxbaseClient } | undefined;
  beforeEach(() => {
    const api = new MockApi();
    current = { api, client: api.client(options) };
  });
  afterEach(async () => {
    const api = current?.api;
    current = undefined;
    api?.assertAllUsed();
    await api?.close();
  });
  const now = (): { api: MockApi; client: FluxbaseClient } => {
    if (current === undefined) {
      throw new Error('mockApiPerTest: used outside a test');
    }
    return current;
  };
  return {
    get api() {
      return now().api;
    },
    get client() {
      return now().client;
    },
  };
}
