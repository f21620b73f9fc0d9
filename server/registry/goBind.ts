/**
 * Binds parsed JSON to a Go struct the way `encoding/json` does for the
 * sync bodies (contract part 3, §0 "Request bodies"): keys match field names
 * case-insensitively, the last matching key wins, unknown keys are ignored,
 * `null` leaves the zero value (nil for pointers), and a value of the wrong
 * type fails the whole body. Integers must be whole JSON numbers.
 */

/** The Go type of a field; `?` kinds are pointers (undefined = nil). */
export type BindKind = 'string' | 'string?' | 'bool' | 'bool?' | 'int?' | 'strings';

/** Field name (lower case, as in the struct tag) to kind. */
export type BindSpec = Readonly<Record<string, BindKind>>;

type Value<K extends BindKind> = K extends 'string'
  ? string
  : K extends 'string?'
    ? string | undefined
    : K extends 'bool'
      ? boolean
      : K extends 'bool?'
        ? boolean | undefined
        : K extends 'int?'
          ? number | undefined
          : string[] | undefined;

/** The bound struct. */
export type Bound<S extends BindSpec> = { -readonly [F in keyof S]: Value<S[F]> };

/** Thrown for a value Go would refuse; the caller answers 400. */
export class BindError extends Error {}

function zero(kind: BindKind): unknown {
  if (kind === 'string') return '';
  if (kind === 'bool') return false;
  return undefined;
}

function convert(kind: BindKind, value: unknown): unknown {
  if (kind === 'string' || kind === 'string?') {
    if (typeof value === 'string') return value;
  } else if (kind === 'bool' || kind === 'bool?') {
    if (typeof value === 'boolean') return value;
  } else if (kind === 'int?') {
    if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  } else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return value;
  }
  throw new BindError('wrong JSON type');
}

/** Go's decoder refuses JSON nested deeper than this (`exceeded max depth`). */
const MAX_DEPTH = 10000;

/** Throws BindError when arrays and objects nest deeper than Go's decoder allows. */
export function checkDepth(text: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_DEPTH) throw new BindError('exceeded max depth');
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
}

/** True for a JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Binds `json` (a JSON object, or null for the zero struct) to `spec`.
 * Throws BindError for anything else.
 */
export function bind<S extends BindSpec>(json: unknown, spec: S): Bound<S> {
  const out: Record<string, unknown> = {};
  for (const [field, kind] of Object.entries(spec)) out[field] = zero(kind);
  if (json === null) return out as Bound<S>;
  if (!isJsonObject(json)) throw new BindError('not an object');
  for (const [key, value] of Object.entries(json)) {
    const field = key.toLowerCase();
    const kind = spec[field];
    if (kind === undefined || value === null) continue;
    out[field] = convert(kind, value);
  }
  return out as Bound<S>;
}

/** A JSON array field of objects: null or absent is an empty list; anything else but an array fails. */
export function bindList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new BindError('not an array');
  return value;
}

/** The value of the key that matches `field` case-insensitively (the last one), or undefined. */
export function fieldOf(json: Record<string, unknown>, field: string): unknown {
  let found: unknown;
  for (const [key, value] of Object.entries(json)) if (key.toLowerCase() === field) found = value;
  return found;
}
