import { describe, expect, it } from '@jest/globals';
import { newManageToken, openToken, sameHash, sealToken, sha256 } from './tokens.js';

describe('tokens', () => {
  it('makes manage tokens with at least 128 random bits, base64url', () => {
    const token = newManageToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    expect(newManageToken()).not.toBe(token);
  });

  it('compares hashes in constant time', () => {
    expect(sameHash(sha256('a'), sha256('a'))).toBe(true);
    expect(sameHash(sha256('a'), sha256('b'))).toBe(false);
  });

  it('seals a token so only the idempotency key opens it', () => {
    const sealed = sealToken('secret-token', 'key-1');
    expect(sealed).not.toContain('secret-token');
    expect(openToken(sealed, 'key-1')).toBe('secret-token');
    expect(() => openToken(sealed, 'key-2')).toThrow();
  });
});
