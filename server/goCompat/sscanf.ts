/**
 * Integer scanning with the rules of Go's `fmt.Sscanf(s, "%d", &n)`, which
 * upstream uses for the `:version` path parameter (contract §1.3 (8)): leading
 * spaces skipped, an optional sign, at least one decimal digit, anything after
 * the digits ignored, and an error on int64 overflow.
 */

const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;

function isGoSpace(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x20 ||
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Returns the scanned integer, or undefined where Go's Sscanf returns an error. */
export function sscanfDecimal(text: string): bigint | undefined {
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 0x0d && text.charCodeAt(i + 1) === 0x0a) {
      i++;
      continue;
    }
    // Sscanf does not treat a newline as space: it is an error.
    if (code === 0x0a) return undefined;
    if (!isGoSpace(code)) break;
    i++;
  }
  const start = i;
  if (text[i] === '+' || text[i] === '-') i++;
  const digitsStart = i;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  if (i === digitsStart) return undefined;
  const value = BigInt(text.slice(start, i));
  if (value > INT64_MAX || value < INT64_MIN) return undefined;
  return value;
}
