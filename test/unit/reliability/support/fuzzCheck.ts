/**
 * What the fuzz test asserts about each answer: a status the case allows
 * (never a 5xx: the contract prescribes 500 only for storage failures), and
 * for every 4xx a JSON body `{"error": "<non-empty text>"}`.
 */
import type { FuzzCase } from '../../../support/fuzzCases';
import type { RawHttpResponse } from '../../../support/fuzzHttp';

function statusProblem(fuzzCase: FuzzCase, status: number): string | undefined {
  if (status >= 500) return `a ${status}`;
  const { expect } = fuzzCase;
  const clientError = status >= 400 && status < 500;
  if (expect === 'reject' && !clientError) return `status ${status} where a 4xx refusal was due`;
  if (expect === 'readOrReject' && !(clientError || status === 200)) return `status ${status} for a read`;
  if (Array.isArray(expect) && !expect.includes(status)) return `status ${status} where ${expect.join('/')} was due`;
  return undefined;
}

function bodyProblem(response: RawHttpResponse): string | undefined {
  const type = response.headers.get('content-type')?.[0] ?? '';
  if (!/^application\/json\b/i.test(type)) return `Content-Type "${type}" instead of application/json`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(response.body.toString('utf8'));
  } catch {
    return `a body that is not JSON: ${JSON.stringify(response.body.toString('latin1').slice(0, 80))}`;
  }
  if (response.status < 400) return undefined;
  const error = (parsed as { error?: unknown } | null)?.error;
  return typeof error === 'string' && error !== ''
    ? undefined
    : `an error body without "error": ${JSON.stringify(parsed)}`;
}

/** A rule an answer broke: its status, or its body. */
export interface FuzzProblem {
  readonly kind: 'status' | 'body';
  readonly text: string;
}

/** Why the answer to a case breaks the rules, or undefined when it is fine. */
export function fuzzProblem(fuzzCase: FuzzCase, response: RawHttpResponse): FuzzProblem | undefined {
  const status = statusProblem(fuzzCase, response.status);
  if (status !== undefined) return { kind: 'status', text: status };
  const body = fuzzCase.request.method === 'HEAD' ? undefined : bodyProblem(response);
  return body === undefined ? undefined : { kind: 'body', text: body };
}

/** A short description of a request for failure messages. */
export function describeRequest(fuzzCase: FuzzCase): string {
  const { method, target, headers, body, chunked } = fuzzCase.request;
  const shown = (text: string): string =>
    JSON.stringify(text.length > 120 ? `${text.slice(0, 120)}…(${text.length})` : text);
  const headerText = headers.map(([name, value]) => `${name}: ${value}`).join(' | ');
  const bodyText =
    body === undefined ? 'no body' : `${chunked ? 'chunked ' : ''}body ${shown(body.toString('latin1'))}`;
  return `[${fuzzCase.category}] ${shown(method)} ${shown(target)} ${shown(headerText)} ${bodyText}`;
}
