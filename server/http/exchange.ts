/**
 * One request and its response, with what the router and the request log
 * need: the raw path (never percent-decoded, as upstream's Fiber keeps it),
 * lazily parsed query parameters, the matched route pattern and the timing.
 * `send` writes the one JSON response and the one log line of the request.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LogLine } from '../logging/lineWriter';
import { answerAfterBody, DEFAULT_DRAIN_LIMITS, DrainLimits } from './bodyDrain';

/** A JSON body for `{"error": message}`. */
export function errorBody(message: string): string {
  return '{"error":' + JSON.stringify(message) + '}';
}

/** The request/response pair of one request. */
export class Exchange {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly method: string;
  /** The path as sent, without the query. */
  readonly rawPath: string;
  readonly #rawQuery: string;
  #query: URLSearchParams | undefined;
  /** The route pattern for the log, e.g. `/api/v1/secrets/:id`. Names and ids never appear here. */
  pattern = '(no route)';
  readonly #startedAt: number;
  readonly #log: LogLine;
  readonly #drainLimits: DrainLimits;
  #answered = false;
  /** Headers every response of this exchange carries (the registry routes' X-Request-ID). */
  readonly responseHeaders: Record<string, string> = {};

  constructor(req: IncomingMessage, res: ServerResponse, log: LogLine, drainLimits = DEFAULT_DRAIN_LIMITS) {
    this.req = req;
    this.res = res;
    this.#log = log;
    this.#drainLimits = drainLimits;
    this.#startedAt = performance.now();
    this.method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const mark = url.indexOf('?');
    this.rawPath = mark < 0 ? url : url.slice(0, mark);
    this.#rawQuery = mark < 0 ? '' : url.slice(mark + 1);
  }

  /** The first value of a query parameter, decoded; '' when absent (as Fiber's `c.Query`). */
  query(name: string): string {
    if (this.#rawQuery === '') return '';
    this.#query ??= new URLSearchParams(this.#rawQuery);
    return this.#query.get(name) ?? '';
  }

  /**
   * Sends a JSON response (once) and logs the request. A Buffer body is sent
   * as is (UTF-8 JSON). A request body that has not all arrived is drained
   * first, within the drain budget (`answerAfterBody`), so that closing the
   * connection afterwards cannot reset it under the answer.
   */
  send(status: number, body: string | Buffer, extraHeaders?: Record<string, string>): void {
    if (this.#answered) return;
    this.#answered = true;
    answerAfterBody(
      this.req,
      this.#drainLimits,
      (closeConnection) =>
        this.#write(status, body, closeConnection ? { ...extraHeaders, Connection: 'close' } : extraHeaders),
      () => this.#logLine(status, ' (connection dropped: request body not drained)'),
    );
  }

  #write(status: number, body: string | Buffer, extraHeaders: Record<string, string> | undefined): void {
    const headers: (string | number)[] = [
      'Content-Type',
      'application/json',
      'Content-Length',
      typeof body === 'string' ? Buffer.byteLength(body) : body.length,
    ];
    for (const [name, value] of Object.entries({ ...this.responseHeaders, ...extraHeaders })) headers.push(name, value);
    this.res.writeHead(status, headers as unknown as string[]);
    this.res.end(body);
    this.#logLine(status, '');
  }

  #logLine(status: number, note: string): void {
    const ms = performance.now() - this.#startedAt;
    this.#log(`${this.method} ${this.pattern} ${status} ${ms.toFixed(1)}ms${note}`);
  }
}
