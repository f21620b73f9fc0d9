/**
 * Encryption at rest exactly as upstream does it (contract §2.3): AES-256-GCM
 * with the raw 32-byte key, a fresh random 12-byte nonce per value, no
 * additional data, stored as standard base64 of nonce ‖ ciphertext ‖ tag.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** Encrypts and decrypts secret values with one key. */
export class SecretCipher {
  readonly #key: Buffer;

  /** `key` must be exactly 32 bytes (see `resolveEncryptionKey`). */
  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('the encryption key must be exactly 32 bytes');
    this.#key = Buffer.from(key);
  }

  /** Returns base64(nonce ‖ ciphertext ‖ tag) of the UTF-8 bytes of `plaintext`. */
  encrypt(plaintext: string): string {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, nonce);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64');
  }

  /** Reverses `encrypt`; throws when the text was not made with this key. */
  decrypt(stored: string): string {
    const data = Buffer.from(stored, 'base64');
    if (data.length < NONCE_BYTES + TAG_BYTES) throw new Error('ciphertext too short');
    const decipher = createDecipheriv('aes-256-gcm', this.#key, data.subarray(0, NONCE_BYTES));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    const body = data.subarray(NONCE_BYTES, data.length - TAG_BYTES);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  }
}
