import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { VersusError } from '../errors.js';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** The envelope: `v1.<key id>.<iv>.<tag>.<ciphertext>`, base64url parts. */
const VERSION = 'v1';

export interface TokenCipher {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
}

/** A key's id in the envelope: the first 8 hex characters of its SHA-256, so no key material is stored. */
const keyId = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 8);

function parseKey(text: string, i: number): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== KEY_BYTES)
    throw new VersusError(
      'config_invalid',
      `VERSUS_TOKEN_KEY: key ${i + 1} is not 32 bytes (give 64 hex characters or 44 base64 characters; make one with \`openssl rand -base64 32\`).`,
    );
  return key;
}

/**
 * Tokens at rest under AES-256-GCM. VERSUS_TOKEN_KEY holds one key or a comma-separated list: the first
 * encrypts, any of them decrypts, so a key is rotated by putting a new one first, letting rows be
 * re-encrypted (each installation is written again on its next install or token refresh), then dropping
 * the old one.
 */
export function tokenCipher(keysText: string): TokenCipher {
  const keys = keysText
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean)
    .map(parseKey);
  if (keys.length === 0) throw new VersusError('config_invalid', 'VERSUS_TOKEN_KEY is empty.');
  const byId = new Map(keys.map((k) => [keyId(k), k]));
  const current = keys[0]!;
  return {
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url'));
      return [VERSION, keyId(current), ...parts].join('.');
    },
    decrypt(sealed) {
      const [version, id, iv, tag, body] = sealed.split('.');
      const key = id ? byId.get(id) : undefined;
      if (version !== VERSION || !key || iv === undefined || tag === undefined || body === undefined)
        throw new VersusError(
          'config_invalid',
          'A stored Slack token was encrypted with a key that is not in VERSUS_TOKEN_KEY (add the old key after the new one).',
        );
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES });
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}
