/**
 * Decodes a JSON request body into a flat struct with the rules of Go's
 * `encoding/json` as upstream's handlers meet them (contract §1.0 "Request
 * bodies"): keys match field names case-insensitively (with Unicode simple
 * folding), the last duplicate wins, unknown keys are ignored, `null` leaves a
 * plain string unchanged and clears a pointer, a value of the wrong type is an
 * error, and the whole input must be one valid JSON value. A time field gets
 * the raw, unescaped string text, as Go's `time.Time.UnmarshalJSON` does.
 */
import { GoTime, parseGoTime } from './goTime';

/** `string`: a Go `string`; `nullableString`: a `*string`; `nullableTime`: a `*time.Time`. */
export type GoFieldKind = 'string' | 'nullableString' | 'nullableTime';

/** Field names (as in the Go struct tags, lower case) mapped to their kinds. */
export type GoStructSpec = Readonly<Record<string, GoFieldKind>>;

type FieldValue<K extends GoFieldKind> = K extends 'string'
  ? string
  : K extends 'nullableString'
    ? string | undefined
    : GoTime | undefined;

/** The decoded struct: strings default to '', pointers to undefined (nil). */
export type GoStruct<S extends GoStructSpec> = { [F in keyof S]: FieldValue<S[F]> };

const MAX_DEPTH = 10000;

class SyntaxFailure extends Error {}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Go compares keys with bytes.EqualFold; for ASCII field names only ſ and the Kelvin sign fold specially. */
function foldKey(key: string): string {
  let out = '';
  for (const ch of key) {
    if (ch === '\u017f') out += 's';
    else if (ch === '\u212a') out += 'k';
    else if (ch >= 'A' && ch <= 'Z') out += ch.toLowerCase();
    else out += ch;
  }
  return out;
}

interface ParsedString {
  value: string;
  raw: string;
}

class Scanner {
  pos = 0;
  constructor(readonly text: string) {}

  fail(): never {
    throw new SyntaxFailure();
  }

  skipSpace(): void {
    const t = this.text;
    let p = this.pos;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) p++;
      else break;
    }
    this.pos = p;
  }

  peek(): string {
    return this.text[this.pos] ?? '';
  }

  expectLiteral(literal: string): void {
    if (this.text.startsWith(literal, this.pos)) this.pos += literal.length;
    else this.fail();
  }

  hex4(at: number): number {
    const chunk = this.text.slice(at, at + 4);
    return /^[0-9a-fA-F]{4}$/.test(chunk) ? parseInt(chunk, 16) : -1;
  }

  string(): ParsedString {
    const t = this.text;
    const start = ++this.pos;
    let value = '';
    let segment = start;
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (Number.isNaN(c) || c < 0x20) this.fail();
      if (c === 0x22) {
        value += t.slice(segment, this.pos);
        const raw = t.slice(start, this.pos);
        this.pos++;
        return { value, raw };
      }
      if (c !== 0x5c) {
        this.pos++;
        continue;
      }
      value += t.slice(segment, this.pos);
      value += this.escape();
      segment = this.pos;
    }
  }

  /** Reads one escape sequence at `pos` (the backslash) and returns its text. */
  escape(): string {
    const t = this.text;
    const kind = t[this.pos + 1] ?? '';
    const simple = SIMPLE_ESCAPES[kind];
    if (simple !== undefined) {
      this.pos += 2;
      return simple;
    }
    if (kind !== 'u') this.fail();
    const unit = this.hex4(this.pos + 2);
    if (unit < 0) this.fail();
    this.pos += 6;
    if (unit < 0xd800 || unit > 0xdfff) return String.fromCharCode(unit);
    // Go combines a valid surrogate pair and turns anything else into U+FFFD.
    if (unit <= 0xdbff && t[this.pos] === '\\' && t[this.pos + 1] === 'u') {
      const next = this.hex4(this.pos + 2);
      if (next >= 0xdc00 && next <= 0xdfff) {
        this.pos += 6;
        return String.fromCharCode(unit, next);
      }
    }
    return '\ufffd';
  }

  digits(): number {
    const start = this.pos;
    while (isDigitCode(this.text.charCodeAt(this.pos))) this.pos++;
    return this.pos - start;
  }

  /** A number, `true`, `false` or `null`. */
  scalar(): void {
    const c = this.peek();
    if (c === 't') return this.expectLiteral('true');
    if (c === 'f') return this.expectLiteral('false');
    if (c === 'n') return this.expectLiteral('null');
    if (c === '-') this.pos++;
    const first = this.peek();
    if (first === '0') this.pos++;
    else if (first < '1' || first > '9') this.fail();
    else this.digits();
    if (this.peek() === '.') {
      this.pos++;
      if (this.digits() === 0) this.fail();
    }
    if (this.peek() === 'e' || this.peek() === 'E') {
      this.pos++;
      if (this.peek() === '+' || this.peek() === '-') this.pos++;
      if (this.digits() === 0) this.fail();
    }
  }

  /** Reads `"key":` inside an object. */
  objectKey(): string {
    this.skipSpace();
    if (this.peek() !== '"') this.fail();
    const key = this.string().value;
    this.skipSpace();
    if (this.peek() !== ':') this.fail();
    this.pos++;
    return key;
  }

  /** Skips any value, checking its syntax without recursion. Returns its JSON kind. */
  skipValue(depth: number): 'string' | 'null' | 'other' {
    this.skipSpace();
    const c = this.peek();
    if (c === '"') {
      this.string();
      return 'string';
    }
    if (c !== '{' && c !== '[') {
      this.scalar();
      return c === 'n' ? 'null' : 'other';
    }
    const closers: string[] = [];
    for (;;) {
      // At the start of a value.
      this.skipSpace();
      const open = this.peek();
      let valueDone = true;
      if (open === '{' || open === '[') {
        if (depth + closers.length >= MAX_DEPTH) this.fail();
        const closer = open === '{' ? '}' : ']';
        this.pos++;
        this.skipSpace();
        if (this.peek() === closer) {
          this.pos++;
        } else {
          closers.push(closer);
          if (closer === '}') this.objectKey();
          valueDone = false;
        }
      } else if (open === '"') {
        this.string();
      } else {
        this.scalar();
      }
      if (!valueDone) continue;
      // After a value: close containers until a comma starts the next value.
      for (;;) {
        const closer = closers[closers.length - 1];
        if (closer === undefined) return 'other';
        this.skipSpace();
        const next = this.peek();
        this.pos++;
        if (next === closer) {
          closers.pop();
          continue;
        }
        if (next !== ',') this.fail();
        if (closer === '}') this.objectKey();
        break;
      }
    }
  }

  /** Reads an object at `pos`, calling `onValue` with each key when the scanner stands on its value. */
  members(onValue: (key: string) => void): void {
    this.pos++;
    this.skipSpace();
    if (this.peek() === '}') {
      this.pos++;
      return;
    }
    for (;;) {
      const key = this.objectKey();
      this.skipSpace();
      onValue(key);
      this.skipSpace();
      const next = this.peek();
      this.pos++;
      if (next === '}') return;
      if (next !== ',') this.fail();
    }
  }
}

/**
 * Decodes `text` into the struct described by `spec`. Returns undefined for
 * anything Go's `json.Unmarshal` would reject: bad syntax, trailing data, a
 * top-level value that is not an object or null, a field of the wrong type,
 * or a time that is not RFC 3339.
 */
export function decodeGoStruct<S extends GoStructSpec>(text: string, spec: S): GoStruct<S> | undefined {
  const result: Record<string, string | GoTime | undefined> = {};
  const folded = new Map<string, [string, GoFieldKind]>();
  for (const [name, kind] of Object.entries(spec)) {
    result[name] = kind === 'string' ? '' : undefined;
    folded.set(foldKey(name), [name, kind]);
  }
  const scanner = new Scanner(text);
  let typeError = false;
  try {
    scanner.skipSpace();
    const first = scanner.peek();
    if (first === '{') {
      scanner.members((key) => {
        const field = folded.get(foldKey(key));
        if (!field) {
          scanner.skipValue(1);
          return;
        }
        const [name, kind] = field;
        if (scanner.peek() === '"') {
          const parsed = scanner.string();
          if (kind === 'nullableTime') {
            const time = parseGoTime(parsed.raw);
            if (!time) typeError = true;
            result[name] = time;
          } else {
            result[name] = parsed.value;
          }
          return;
        }
        const valueKind = scanner.skipValue(1);
        if (valueKind === 'null') {
          if (kind !== 'string') result[name] = undefined;
        } else {
          typeError = true;
        }
      });
    } else if (scanner.skipValue(0) !== 'null') {
      typeError = true;
    }
    scanner.skipSpace();
    if (scanner.pos !== text.length) return undefined;
  } catch (error) {
    if (error instanceof SyntaxFailure) return undefined;
    throw error;
  }
  return typeError ? undefined : (result as GoStruct<S>);
}
