/**
 * JSON text as Go's `json.Marshal` writes it (contract part 3, §0): the
 * caller builds objects in struct-field order (or sorted, for `fiber.Map`),
 * and `<`, `>`, `&`, U+2028 and U+2029 inside strings are escaped, which
 * matters for function code.
 */
const GO_ESCAPES: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** `JSON.stringify` with Go's HTML-safe escaping. Keys keep their insertion order. */
export function goJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => GO_ESCAPES[ch] ?? ch);
}

/** A Go slice of structs: `null` when empty (a nil slice), else the array. */
export function goSliceJson<T>(items: readonly T[], toObject: (item: T) => object): string {
  return items.length === 0 ? 'null' : goJson(items.map(toObject));
}
