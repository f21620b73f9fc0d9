/**
 * A small lexer that finds the string literals of JavaScript/TypeScript
 * source: `'…'`, `"…"` and template literals, skipping comments. It does not
 * parse regular-expression literals (telling them from division needs a
 * parser); a quote inside one can only mislead it until the end of that line,
 * because an unterminated `'`/`"` string ends at the line break.
 */

/** The quote character that opened a literal. */
export type QuoteChar = "'" | '"' | '`';

/** One string literal, with offsets into the scanned text. */
export interface StringLiteral {
  quote: QuoteChar;
  /** Offset of the opening quote. */
  start: number;
  /** Offset just after the closing quote, or of the end of the unterminated content. */
  end: number;
  /** Offset of the first character inside the quotes. */
  contentStart: number;
  /** Offset of the closing quote, or of the end of the unterminated content. */
  contentEnd: number;
  /** False when the text or the line (for `'` and `"`) ended before the closing quote. */
  terminated: boolean;
  /** True for a template literal with at least one `${…}` substitution. */
  hasSubstitutions: boolean;
  /** The literal's value with escapes resolved; undefined when it has substitutions. */
  value: string | undefined;
}

/** Every string literal of `text` outside comments, in order; template literals nested in substitutions included. */
export function findStringLiterals(text: string): StringLiteral[] {
  const literals: StringLiteral[] = [];
  scanCode(text, 0, false, literals);
  return literals;
}

/** The literal whose quotes enclose `offset` (from just after the opening quote to the closing quote, inclusive). */
export function stringLiteralAt(literals: readonly StringLiteral[], offset: number): StringLiteral | undefined {
  let found: StringLiteral | undefined;
  for (const literal of literals) {
    if (literal.contentStart <= offset && offset <= literal.contentEnd) {
      // a literal inside a template substitution comes later and is the innermost
      found = literal;
    }
  }
  return found;
}

/** Scans code from `from`; inside a substitution it stops after the `}` that closes it. Returns the offset reached. */
function scanCode(text: string, from: number, inSubstitution: boolean, out: StringLiteral[]): number {
  let depth = 0;
  let i = from;
  while (i < text.length) {
    const ch = text[i];
    const next = text[i + 1];
    if (ch === '/' && next === '/') {
      i = skipUntil(text, i + 2, '\n');
    } else if (ch === '/' && next === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 2;
    } else if (ch === "'" || ch === '"') {
      i = scanQuoted(text, i, ch, out);
    } else if (ch === '`') {
      i = scanTemplate(text, i, out);
    } else if (inSubstitution && ch === '{') {
      depth++;
      i++;
    } else if (inSubstitution && ch === '}') {
      if (depth === 0) {
        return i + 1;
      }
      depth--;
      i++;
    } else {
      i++;
    }
  }
  return i;
}

function skipUntil(text: string, from: number, target: string): number {
  const index = text.indexOf(target, from);
  return index < 0 ? text.length : index;
}

function scanQuoted(text: string, start: number, quote: "'" | '"', out: StringLiteral[]): number {
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\') {
      i += text[i + 1] === '\r' && text[i + 2] === '\n' ? 3 : 2;
    } else if (ch === quote) {
      out.push(makeLiteral(text, quote, start, i, true, false));
      return i + 1;
    } else if (ch === '\n' || ch === '\r') {
      break;
    } else {
      i++;
    }
  }
  const contentEnd = Math.min(i, text.length);
  out.push(makeLiteral(text, quote, start, contentEnd, false, false));
  return contentEnd;
}

function scanTemplate(text: string, start: number, out: StringLiteral[]): number {
  // Reserve the literal's place so that it precedes the literals of its substitutions.
  const index = out.length;
  const nested: StringLiteral[] = [];
  let hasSubstitutions = false;
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\') {
      i += 2;
    } else if (ch === '`') {
      out.splice(index, 0, makeLiteral(text, '`', start, i, true, hasSubstitutions), ...nested);
      return i + 1;
    } else if (ch === '$' && text[i + 1] === '{') {
      hasSubstitutions = true;
      i = scanCode(text, i + 2, true, nested);
    } else {
      i++;
    }
  }
  const contentEnd = Math.min(i, text.length);
  out.splice(index, 0, makeLiteral(text, '`', start, contentEnd, false, hasSubstitutions), ...nested);
  return contentEnd;
}

function makeLiteral(
  text: string,
  quote: QuoteChar,
  start: number,
  contentEnd: number,
  terminated: boolean,
  hasSubstitutions: boolean,
): StringLiteral {
  const contentStart = start + 1;
  return {
    quote,
    start,
    end: terminated ? contentEnd + 1 : contentEnd,
    contentStart,
    contentEnd,
    terminated,
    hasSubstitutions,
    value: hasSubstitutions ? undefined : unescapeStringContent(text.slice(contentStart, contentEnd)),
  };
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  f: '\f',
  v: '\v',
  '0': '\0',
};

/** Resolves JavaScript escape sequences in the raw text between a literal's quotes. */
export function unescapeStringContent(raw: string): string {
  return raw.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|[\s\S])/g, (_match, escape: string) => {
    if (escape.startsWith('u{')) {
      const codePoint = parseInt(escape.slice(2, -1), 16);
      return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : escape;
    }
    if (escape.length > 1 && (escape[0] === 'u' || escape[0] === 'x')) {
      return String.fromCharCode(parseInt(escape.slice(1), 16));
    }
    if (escape === '\n' || escape === '\r' || escape === '\r\n' || escape === '\u2028' || escape === '\u2029') {
      return ''; // a line continuation
    }
    return SIMPLE_ESCAPES[escape] ?? escape;
  });
}
