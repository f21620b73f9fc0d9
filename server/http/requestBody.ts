/**
 * Request bodies: the size limit (413, checked before anything else, as
 * fasthttp does for upstream) and the JSON content-type rule of Fiber's
 * `Bind().Body` (contract §1.0).
 */
import type { IncomingMessage } from 'node:http';
import type { Exchange } from './exchange';

/** Default request body limit: 1 MiB. */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

/** The body of a 413 response. */
export const BODY_TOO_LARGE = '{"error":"Request body too large"}';

/** The request's body as text, or the news that it is over the limit. */
export type BodyResult = { kind: 'text'; text: string } | { kind: 'tooLarge' };

/** True when the declared Content-Length is already over the limit. */
export function declaresTooLarge(req: IncomingMessage, limit: number): boolean {
  const declared = req.headers['content-length'];
  return declared !== undefined && Number(declared) > limit;
}

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Reads the whole body, up to `limit` bytes. Invalid UTF-8 becomes U+FFFD,
 * as Go's JSON decoder reads it. At the limit it stops and pauses the
 * request: the caller answers 413 with `Exchange.send`, which drains the
 * rest of the body (bounded) before answering.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      over = true;
      chunks.length = 0;
      req.off('data', onData);
      req.pause();
      resolve({ kind: 'tooLarge' });
    };
    req.on('data', onData);
    let ended = false;
    req.on('end', () => {
      ended = true;
      if (!over) resolve({ kind: 'text', text: decoder.decode(Buffer.concat(chunks, size)) });
    });
    req.on('error', reject);
    req.on('close', () => {
      if (!ended && !over) reject(new Error('the client closed the request before its body ended'));
    });
  });
}

/**
 * Fiber's content-type rule: lower-cased, a vendor type such as
 * `application/vnd.api+json` reduced to `application/json`, parameters cut
 * at the first `;` or space; only `application/json` selects JSON.
 */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  let type = header.toLowerCase();
  const plus = type.indexOf('+');
  if (plus >= 0) {
    const semicolon = type.indexOf(';');
    const slash = type.indexOf('/');
    if (semicolon >= 0 && semicolon < plus) type = type.slice(0, semicolon);
    else if (slash >= 0) type = type.slice(0, slash + 1) + type.slice(plus + 1, semicolon < 0 ? undefined : semicolon);
  }
  const cut = type.search(/[ ;]/);
  if (cut >= 0) type = type.slice(0, cut);
  return type === 'application/json';
}

/**
 * Reads a body that must be JSON: answers 413 when it is too large and 400
 * with `invalidBody` when its content type is not JSON, returning undefined
 * once it has answered.
 */
export async function jsonRequestText(
  exchange: Exchange,
  limit: number,
  invalidBody: string,
): Promise<string | undefined> {
  const body = await readBody(exchange.req, limit);
  if (body.kind === 'tooLarge') {
    exchange.send(413, BODY_TOO_LARGE);
    return undefined;
  }
  if (!isJsonContentType(exchange.req.headers['content-type'])) {
    exchange.send(400, invalidBody);
    return undefined;
  }
  return body.text;
}
