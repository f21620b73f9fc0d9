/**
 * Finding a sacred string (a secret value, password, token or key) in text
 * or bytes, in every form a careless layer could write it: plain UTF-8,
 * UTF-16, hex, and base64/base64url at any byte alignment (so it is found
 * inside a longer encoded blob too).
 */
import { inspect } from 'node:util';
import { FluxbaseApiError } from '../../../../src/core/api/fluxbaseApiError';

/** The forms of `secret` to search for, each named. */
export function encodedForms(secret: string): [string, Buffer][] {
  const bytes = Buffer.from(secret, 'utf8');
  const forms: [string, Buffer][] = [
    ['plain', bytes],
    ['utf-16', Buffer.from(secret, 'utf16le')],
    ['hex', Buffer.from(bytes.toString('hex'))],
    ['HEX', Buffer.from(bytes.toString('hex').toUpperCase())],
    ['JSON', Buffer.from(JSON.stringify(secret).slice(1, -1))],
  ];
  for (let pad = 0; pad < 3; pad++) {
    // The characters fully determined by the secret's bytes when it starts `pad` bytes into a blob.
    const shifted = Buffer.concat([Buffer.alloc(pad), bytes]);
    const start = Math.ceil((pad * 4) / 3);
    const end = Math.floor(((pad + bytes.length) * 4) / 3);
    forms.push([`base64+${pad}`, Buffer.from(shifted.toString('base64').slice(start, end))]);
    forms.push([`base64url+${pad}`, Buffer.from(shifted.toString('base64url').slice(start, end))]);
  }
  return forms;
}

/** Which of the sacred strings appear in `haystack`, and in which form. */
export function leaksIn(haystack: string | Buffer, sacred: readonly string[]): string[] {
  const data = typeof haystack === 'string' ? Buffer.from(haystack, 'utf8') : haystack;
  const found: string[] = [];
  for (const secret of sacred) {
    for (const [form, needle] of encodedForms(secret)) {
      if (data.includes(needle)) found.push(`${JSON.stringify(secret.slice(0, 12))}… as ${form}`);
    }
  }
  return found;
}

/** Every way a caller could show or log an error. */
export function errorRenderings(error: unknown): string[] {
  const own = FluxbaseApiError.is(error) ? [error.message, error.serverError ?? '', String(error.stack)] : [];
  return [...own, String(error), inspect(error, { depth: 10 }), JSON.stringify(error) ?? ''];
}
