import * as assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { decodedText } from '../../../src/core/api/bodyText';

/** What undici's `body.text()` does with the same bytes: one buffer, a leading BOM dropped, UTF-8. */
function wholeDecode(bytes: Buffer): string {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return bytes.toString('utf8', start);
}

/** `bytes` cut into chunks of `size` bytes, as a body stream. */
function chunked(bytes: Buffer, size: number): Readable {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  return Readable.from(chunks);
}

describe('decodedText: a body decoded chunk by chunk', () => {
  const samples = [
    Buffer.from('[{"name":"A"}]'),
    Buffer.from('\uFEFF[{"name":"Ünïcödé ✓ 𝄞 名前"}]'),
    Buffer.concat([Buffer.from('["bad '), Buffer.from([0xff, 0xc3, 0x28, 0xe2, 0x82]), Buffer.from(' end"]')]),
    Buffer.from(''),
    Buffer.from([0xef, 0xbb]),
  ];

  it('gives what one decode of the whole body gives, however the bytes are cut (multi-byte characters split)', async () => {
    for (const bytes of samples) {
      for (const size of [1, 2, 3, 5, 64]) {
        assert.equal(
          await decodedText(chunked(bytes, size)),
          wholeDecode(bytes),
          `${bytes.toString('hex')} by ${size}`,
        );
      }
    }
  });
});
