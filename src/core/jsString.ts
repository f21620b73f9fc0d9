/** The quote characters that open a JavaScript string: `'…'`, `"…"` and template literals. */
export type JsQuote = "'" | '"' | '`';

/**
 * `text` escaped as the content of a JavaScript string opened with `quote`,
 * so that the string's value is `text` exactly and nothing of it can end the
 * string: backslashes and the quote are escaped (and `$` in a template, so no
 * `${` starts a substitution); control characters and the line terminators
 * JavaScript, JSON and older parsers disagree about (U+0085, U+2028, U+2029)
 * become `\uXXXX`. For `"` the result is also valid JSON string content.
 */
export function jsStringContent(text: string, quote: JsQuote): string {
  // eslint-disable-next-line no-control-regex -- control characters are what it escapes
  return text.replace(/[\\"'`$\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (ch) => {
    if (ch === '\\' || ch === quote || (quote === '`' && ch === '$')) {
      return `\\${ch}`;
    }
    if (ch === '"' || ch === "'" || ch === '`' || ch === '$') {
      return ch;
    }
    return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** `text` as a double-quoted JavaScript string literal, which is also a JSON string. */
export function jsStringLiteral(text: string): string {
  return `"${jsStringContent(text, '"')}"`;
}
