/** The Go-compatibility helpers: uuid.Parse, Sscanf("%d"), RFC 3339 times and encoding/json decoding. */
import * as assert from 'node:assert/strict';
import { decodeGoStruct } from '../../../server/goCompat/goJsonDecoder';
import {
  formatGoTime,
  parseGoTime,
  storedTimeFromMicros,
  storedTimeToJson,
  toStoredTime,
} from '../../../server/goCompat/goTime';
import { sscanfDecimal } from '../../../server/goCompat/sscanf';
import { parseGoUuid } from '../../../server/goCompat/uuid';

const ID = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

describe('server: Go compatibility helpers', () => {
  describe('parseGoUuid (google/uuid Parse)', () => {
    it('accepts the four forms, in any case, and returns the canonical lower-case id', () => {
      for (const form of [ID, ID.toUpperCase(), ID.replace(/-/g, ''), `urn:uuid:${ID}`, `URN:UUID:${ID}`, `{${ID}}`]) {
        assert.equal(parseGoUuid(form), ID, form);
      }
    });
    it('does not check the brace characters, as Go does not', () => {
      assert.equal(parseGoUuid(`x${ID}y`), ID);
    });
    it('rejects other lengths, misplaced hyphens, non-hex digits and bad urn prefixes', () => {
      for (const bad of ['', 'by-name', `${ID}0`, ID.replace('-', 'x'), ID.replace('a', 'g'), `urn:uuix:${ID}`]) {
        assert.equal(parseGoUuid(bad), undefined, bad);
      }
    });
  });

  describe('sscanfDecimal (fmt.Sscanf "%d")', () => {
    it('reads a sign, digits, and ignores what follows', () => {
      assert.equal(sscanfDecimal('3'), 3n);
      assert.equal(sscanfDecimal('+3'), 3n);
      assert.equal(sscanfDecimal('-3'), -3n);
      assert.equal(sscanfDecimal('3abc'), 3n);
      assert.equal(sscanfDecimal('007'), 7n);
      assert.equal(sscanfDecimal('0x10'), 0n);
      assert.equal(sscanfDecimal(' 12'), 12n);
    });
    it('fails without digits, on a newline and on int64 overflow', () => {
      for (const bad of ['', 'abc', '+', '+-1', '\n1', '9223372036854775808']) {
        assert.equal(sscanfDecimal(bad), undefined, JSON.stringify(bad));
      }
      assert.equal(sscanfDecimal('9223372036854775807'), 9223372036854775807n);
    });
  });

  describe('goTime', () => {
    it('parses RFC 3339 with a zone and formats it back in the same offset, zeros trimmed', () => {
      const cases: [string, string][] = [
        ['2025-12-31T23:59:59.000Z', '2025-12-31T23:59:59Z'],
        ['2025-12-31T23:59:59.120Z', '2025-12-31T23:59:59.12Z'],
        ['2025-01-02T03:04:05.123456789123+05:30', '2025-01-02T03:04:05.123456789+05:30'],
        ['2025-01-02T03:04:05+00:00', '2025-01-02T03:04:05Z'],
        ['2025-01-02T03:04:05-00:00', '2025-01-02T03:04:05Z'],
        ['2025-01-02T3:04:05Z', '2025-01-02T03:04:05Z'],
        ['2025-01-02T03:04:05,5Z', '2025-01-02T03:04:05.5Z'],
        ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00Z'],
      ];
      for (const [input, output] of cases) {
        const parsed = parseGoTime(input);
        assert.ok(parsed, input);
        assert.equal(formatGoTime(parsed), output, input);
      }
    });
    it('rejects dates without time or zone, impossible dates and lower-case separators', () => {
      for (const bad of [
        '2025-01-02',
        '2025-01-02T03:04:05',
        '2025-01-02 03:04:05Z',
        '2025-01-02t03:04:05Z',
        '2025-01-02T03:04:05z',
        '2025-02-29T00:00:00Z',
        '2025-13-01T00:00:00Z',
        '2025-01-01T24:00:00Z',
        '2025-01-01T00:60:00Z',
        '2025-01-01T00:00:60Z',
        '2025-01-01T00:00:00.Z',
        '2025-01-01T00:00:00+0100',
        '2025-01-01T00:00:00+25:00',
        '+2025-01-01T00:00:00Z',
      ]) {
        assert.equal(parseGoTime(bad), undefined, bad);
      }
    });
    it('stores UTC with microseconds (truncated) and reads back Go-style', () => {
      const parsed = parseGoTime('2025-01-02T03:04:05.1234569+01:00');
      assert.ok(parsed);
      assert.equal(toStoredTime(parsed), '2025-01-02T02:04:05.123456Z');
      assert.equal(storedTimeToJson('2025-01-02T02:04:05.123450Z'), '2025-01-02T02:04:05.12345Z');
      assert.equal(storedTimeToJson('2025-01-02T02:04:05.000000Z'), '2025-01-02T02:04:05Z');
      assert.equal(storedTimeFromMicros(0), '1970-01-01T00:00:00.000000Z');
      assert.equal(storedTimeFromMicros(Date.UTC(2030, 0, 1) * 1000 + 7), '2030-01-01T00:00:00.000007Z');
    });
  });

  describe('decodeGoStruct (encoding/json)', () => {
    const spec = { name: 'string', description: 'nullableString', expires_at: 'nullableTime' } as const;

    it('matches keys case-insensitively (with ſ folding to s) and lets the last one win', () => {
      const decoded = decodeGoStruct('{"NAME":"a","Name":"b","deſcription":"d"}', spec);
      assert.equal(decoded?.name, 'b');
      assert.equal(decoded?.description, 'd');
    });
    it('keeps a plain string on null but clears a pointer on null', () => {
      const decoded = decodeGoStruct('{"name":"a","name":null,"description":"d","description":null}', spec);
      assert.equal(decoded?.name, 'a');
      assert.equal(decoded?.description, undefined);
    });
    it('decodes escapes and replaces lone surrogates with U+FFFD', () => {
      assert.equal(decodeGoStruct('{"name":"\\u00e9\\n\\ud83d\\ude00\\udc00"}', spec)?.name, 'é\n😀\ufffd');
    });
    it('reads the time from the raw string text, as Go does', () => {
      assert.ok(decodeGoStruct('{"expires_at":"2030-01-01T00:00:00Z"}', spec)?.expires_at);
      assert.equal(decodeGoStruct('{"expires_at":"2030-01-01T00:00:00\\u005a"}', spec), undefined);
    });
    it('rejects wrong types, bad syntax, trailing data and non-object tops; accepts null', () => {
      for (const bad of [
        '{"name":1}',
        '{"name":{}}',
        '{"expires_at":1}',
        '{"a":01}',
        '{"a":1.}',
        '{} {}',
        '[]',
        '"x"',
        '',
      ]) {
        assert.equal(decodeGoStruct(bad, spec), undefined, bad);
      }
      assert.deepEqual(decodeGoStruct(' null ', spec), { name: '', description: undefined, expires_at: undefined });
    });
    it('accepts deep nesting in ignored fields up to Go’s depth limit without recursion', () => {
      const deep = (n: number): string => `{"x":${'['.repeat(n)}${']'.repeat(n)}}`;
      assert.ok(decodeGoStruct(deep(9000), spec));
      assert.equal(decodeGoStruct(deep(20000), spec), undefined);
    });
  });
});
