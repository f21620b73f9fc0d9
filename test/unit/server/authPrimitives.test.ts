/** TOTP against RFC 6238's vectors, password hashing, service keys and the cipher format. */
import * as assert from 'node:assert/strict';
import { hashPassword, verifyPassword } from '../../../server/auth/passwords';
import {
  generateServiceKey,
  hashServiceKey,
  looksLikeServiceKey,
  serviceKeyMatches,
} from '../../../server/auth/serviceKeys';
import { decodeBase32, hotp, totpCode, verifyTotp } from '../../../server/auth/totp';
import { SecretCipher } from '../../../server/crypto/secretCipher';

const RFC_SECRET = Buffer.from('12345678901234567890', 'ascii');

describe('server: auth and crypto primitives', function () {
  this.timeout(30_000);

  it('HOTP/TOTP match the RFC 6238 SHA-1 test vectors', () => {
    const vectors: [number, string][] = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
    ];
    for (const [time, code] of vectors) {
      assert.equal(hotp(RFC_SECRET, Math.floor(time / 30), 8), code);
      assert.equal(totpCode(RFC_SECRET, time), code.slice(2));
    }
  });

  it('verifies the current step and one either side, and only six digits', () => {
    const t = 1234567890;
    assert.ok(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, t), t));
    assert.ok(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, t - 30), t));
    assert.ok(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, t + 30), t));
    assert.ok(!verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, t + 60), t));
    assert.ok(!verifyTotp(RFC_SECRET, ` ${totpCode(RFC_SECRET, t)}`, t));
  });

  it('decodes base32 case-insensitively and refuses other characters', () => {
    assert.deepEqual(decodeBase32('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'), RFC_SECRET);
    assert.deepEqual(decodeBase32('gezdgnbv gy3tqojq gezdgnbv gy3tqojq'), RFC_SECRET);
    assert.equal(decodeBase32('01'), undefined);
    assert.equal(decodeBase32(''), undefined);
  });

  it('hashes passwords with a salt and verifies them', async () => {
    const first = await hashPassword('secret');
    const second = await hashPassword('secret');
    assert.notEqual(first, second);
    assert.match(first, /^scrypt\$16384\$8\$1\$/);
    assert.ok(await verifyPassword('secret', first));
    assert.ok(!(await verifyPassword('Secret', first)));
    assert.ok(!(await verifyPassword('secret', 'bcrypt$whatever')));
  });

  it('service keys are random sk_ keys checked against their hash', () => {
    const key = generateServiceKey();
    assert.match(key, /^sk_[A-Za-z0-9_-]{43}$/);
    assert.notEqual(generateServiceKey(), key);
    assert.ok(looksLikeServiceKey(key));
    assert.ok(!looksLikeServiceKey('sk_short'));
    assert.ok(serviceKeyMatches(key, hashServiceKey(key)));
    assert.ok(!serviceKeyMatches(`${key}x`, hashServiceKey(key)));
  });

  it('the cipher round-trips, uses a fresh nonce, and refuses another key', () => {
    const cipher = new SecretCipher(Buffer.alloc(32, 1));
    const one = cipher.encrypt('value ✓');
    assert.notEqual(cipher.encrypt('value ✓'), one);
    assert.equal(cipher.decrypt(one), 'value ✓');
    assert.equal(Buffer.from(one, 'base64').length, 12 + Buffer.byteLength('value ✓') + 16);
    assert.throws(() => new SecretCipher(Buffer.alloc(32, 2)).decrypt(one));
    assert.throws(() => new SecretCipher(Buffer.alloc(16)));
  });
});
