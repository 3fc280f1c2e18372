import { describe, expect, it } from 'vitest';
import { tokenCipher } from '../../src/security/token-cipher.js';

describe('token cipher (AES-256-GCM under VERSUS_TOKEN_KEY)', () => {
  const key = Buffer.alloc(32, 1).toString('base64');

  it('round-trips a token and never repeats a ciphertext', () => {
    const c = tokenCipher(key);
    const a = c.encrypt('xoxb-secret');
    expect(a).not.toContain('xoxb');
    expect(a).not.toBe(c.encrypt('xoxb-secret'));
    expect(c.decrypt(a)).toBe('xoxb-secret');
  });

  it('refuses a tampered ciphertext', () => {
    const c = tokenCipher(key);
    const parts = c.encrypt('xoxb-secret').split('.');
    parts[4] = Buffer.from('xoxb-forged').toString('base64url');
    expect(() => c.decrypt(parts.join('.'))).toThrow();
  });

  it('refuses a key that is not 32 bytes, saying how to make one', () => {
    expect(() => tokenCipher('short')).toThrow(/not 32 bytes.*openssl rand -base64 32/);
  });
});
