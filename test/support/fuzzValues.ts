/**
 * Hostile values for the server fuzz: odd Unicode strings, JSON texts that
 * Go's decoder must refuse, and JSON values of the wrong type. Every
 * "invalid" generator here produces input that the contract (fluxbase-api.md
 * §1.0, §1.3) rejects, whatever the random choices.
 */
import type { FuzzRandom } from './fuzzRandom';

/** Pieces of Unicode that break naive code: surrogates, NUL, direction marks, emoji, combining marks. */
const ODD_PIECES: readonly string[] = [
  '\ud800', // lone high surrogate
  '\udfff', // lone low surrogate
  '\udc00\ud800', // reversed pair
  '\u0000', // NUL
  '\u202e', // right-to-left override
  '\u200f', // right-to-left mark
  '\u2066\u2069', // isolates
  'مرحبا', // Arabic
  'שלום', // Hebrew
  '😀',
  '👩‍👩‍👧‍👦', // zero-width joiner sequence
  '🇩🇪', // flag (regional indicators)
  'e\u0301', // combining acute
  'Z\u0351\u0350\u0352\u035b\u0346', // stacked combining marks
  '\ufeff', // byte order mark
  '\u2028\u2029', // JavaScript line terminators
  '\uffff\ufffe', // noncharacters
  '\ue000', // private use
  '\u00a0\u3000', // odd spaces
  'ǅ', // title-case digraph
  'İı', // case-mapping traps
  '\u0085', // next line
  '<script>alert(1)</script>',
  '"\\/\b\f\n\r\t',
  '%00%2F..%5C',
  '${FLUXBASE_SECRET_X}',
];

/** A string of 1..`maxPieces` odd pieces, sometimes mixed with plain ASCII. */
export function oddString(random: FuzzRandom, maxPieces = 6): string {
  let text = '';
  const pieces = random.between(1, maxPieces);
  for (let i = 0; i < pieces; i++) {
    text += random.chance(0.3) ? `A${random.int(1000)}` : random.pick(ODD_PIECES);
  }
  return text;
}

/** A long string: one odd piece repeated to about `length` UTF-16 units. */
export function longString(random: FuzzRandom, length: number): string {
  const piece = random.chance(0.5) ? 'x' : random.pick(ODD_PIECES);
  return piece.repeat(Math.max(1, Math.ceil(length / piece.length)));
}

/** A JSON value that is not a string (nor null): numbers, booleans, arrays, nested junk objects. */
export function nonStringValue(random: FuzzRandom): unknown {
  return random.oneOf<unknown>([
    () => random.int(1_000_000) - 500_000,
    () => random.next() * 1e308,
    () => random.chance(0.5),
    () => [],
    () => [oddString(random)],
    () => ({}),
    () => ({ nested: { deeper: [1, { name: oddString(random) }] } }),
    () => [[[[[[[[]]]]]]]],
  ]);
}

/** Go-decoder-invalid expiry texts (not RFC 3339 with a zone, or out of range). */
export function invalidExpiry(random: FuzzRandom): string {
  return random.pick([
    'tomorrow',
    '2030-01-01',
    '2030-01-01T00:00:00',
    '2030-13-01T00:00:00Z',
    '2030-02-30T00:00:00Z',
    '2030-01-01T24:00:00Z',
    '2030-01-01 00:00:00Z',
    '10000-01-01T00:00:00Z',
    '-0001-01-01T00:00:00Z',
    '2030-01-01T00:00:00+25:00',
    '',
    oddString(random),
  ]);
}

/** Makes a valid JSON object text invalid in one of many ways; the result is never valid JSON. */
export function breakJson(random: FuzzRandom, valid: string): string {
  const quote = valid.indexOf('"');
  const stringStart = valid.indexOf(':"') + 2;
  return random.oneOf([
    () => valid.slice(0, random.int(valid.length)), // any proper prefix of an object is incomplete
    () => valid + random.pick(['x', '}', ',', '{}', ']', 'null', '\u0000']),
    () => valid.slice(0, -1) + ',}',
    () => (quote < 0 ? '{' : valid.slice(0, quote) + "'" + valid.slice(quote + 1)),
    () =>
      stringStart < 2
        ? '['
        : valid.slice(0, stringStart) + random.pick(['\u0001', '\n', '\t', '\u001f']) + valid.slice(stringStart),
    () =>
      stringStart < 2
        ? ']'
        : valid.slice(0, stringStart) + random.pick(['\\x41', '\\u12G4', '\\U0041', '\\a']) + valid.slice(stringStart),
    () =>
      valid.slice(0, -1) +
      `,"n":${random.pick(['NaN', 'Infinity', '-Infinity', 'undefined', '01', '.5', '+1', '0x10', "'s'"])}}`,
    () => `/* comment */${valid}`,
    () => `\ufeff${valid}`,
    () => valid.slice(0, -1) + ',"x":' + '['.repeat(10_001) + ']'.repeat(10_001) + '}',
    () => random.pick(['', ' ', '\n', '{', '}', '[', '"', 'nul', 'tru', '{"a"', '{"a":}', '{,}', '{"a" 1}']),
  ]);
}

/** Raw bytes that are not valid UTF-8, for bodies sent as bytes rather than text. */
export function invalidUtf8(random: FuzzRandom): Buffer {
  return Buffer.from(
    random.pick([
      [0xff],
      [0xfe, 0xff],
      [0xc0, 0x80], // overlong NUL
      [0xed, 0xa0, 0x80], // encoded surrogate
      [0xe2, 0x82], // truncated sequence
      [0xf4, 0x90, 0x80, 0x80], // beyond U+10FFFF
    ]),
  );
}

/** Percent-encodes every byte of the UTF-8 form (lone surrogates become U+FFFD), unlike encodeURIComponent, which throws on them. */
export function percentEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) =>
      /[A-Za-z0-9_.~-]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}
