/**
 * UUID parsing with the rules of Go's github.com/google/uuid `Parse`, which
 * upstream uses for every `:id` path parameter (contract §1.3 (4)).
 */

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  return -1;
}

/** Byte offsets of the 16 hex pairs inside the 36-character form. */
const PAIR_OFFSETS = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];
const HEX = '0123456789abcdef';

function canonicalFromPairs(source: string, offsets: readonly number[]): string | undefined {
  let out = '';
  for (let i = 0; i < 16; i++) {
    const offset = offsets[i] ?? 0;
    const high = hexValue(source.charCodeAt(offset));
    const low = hexValue(source.charCodeAt(offset + 1));
    if (high < 0 || low < 0) return undefined;
    if (i === 4 || i === 6 || i === 8 || i === 10) out += '-';
    out += (HEX[high] ?? '') + (HEX[low] ?? '');
  }
  return out;
}

const COMPACT_OFFSETS = Array.from({ length: 16 }, (_, i) => i * 2);

/**
 * Parses `text` like google/uuid `Parse` and returns the canonical lower-case
 * form, or undefined where Go returns an error. Accepted: the 36-character
 * form, 32 hex digits, a `urn:uuid:` prefix (any case), and any 38-character
 * string whose first character is dropped (Go does not check the braces).
 */
export function parseGoUuid(text: string): string | undefined {
  let s = text;
  switch (s.length) {
    case 36:
      break;
    case 45:
      if (s.slice(0, 9).toLowerCase() !== 'urn:uuid:') return undefined;
      s = s.slice(9);
      break;
    case 38:
      s = s.slice(1);
      break;
    case 32:
      return canonicalFromPairs(s, COMPACT_OFFSETS);
    default:
      return undefined;
  }
  if (s[8] !== '-' || s[13] !== '-' || s[18] !== '-' || s[23] !== '-') return undefined;
  return canonicalFromPairs(s, PAIR_OFFSETS);
}
