import { describe, expect, it } from '@jest/globals';
import {
  currentManageToken,
  deriveManageToken,
  issueManageToken,
  manageTokenKey,
  newManageToken,
  openToken,
  sameHash,
  sealToken,
  sha256,
} from './tokens.js';

describe('tokens', () => {
  it('makes manage tokens with at least 128 random bits, base64url', () => {
    const token = newManageToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    expect(newManageToken()).not.toBe(token);
  });

  it('compares hashes by value (timingSafeEqual), refusing other values and lengths', () => {
    expect(sameHash(sha256('a'), sha256('a'))).toBe(true);
    expect(sameHash(sha256('a'), sha256('b'))).toBe(false);
    expect(sameHash(sha256('a'), sha256('a').slice(0, -1))).toBe(false);
    expect(sameHash(sha256('a'), '')).toBe(false);
  });

  it('seals a token so only the idempotency key opens it', () => {
    const sealed = sealToken('secret-token', 'key-1');
    expect(sealed).not.toContain('secret-token');
    expect(openToken(sealed, 'key-1')).toBe('secret-token');
    expect(() => openToken(sealed, 'key-2')).toThrow();
  });
});

describe('derived manage tokens', () => {
  const key = manageTokenKey('server-secret-server-secret-server-secret');
  const other = manageTokenKey('another-secret-another-secret-another-secret');

  it('derives the token of a new registration from its id, under the server secret only', () => {
    const id = '0b7f4f0e-8f1c-4a57-9a53-7d1f4c4b8a01';
    const token = deriveManageToken(key, id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const stored = { id, manageTokenNonce: null, manageTokenHash: sha256(token) };
    expect(currentManageToken(key, stored)).toBe(token);
    expect(deriveManageToken(other, id)).not.toBe(token);
    expect(currentManageToken(other, stored)).toBeNull();
    // a token from before derivation (random) is not derivable: no link, no wrong link
    expect(
      currentManageToken(key, { ...stored, manageTokenHash: sha256(newManageToken()) }),
    ).toBeNull();
  });

  it('derives a rotated token from its stored nonce', () => {
    const issued = issueManageToken(key);
    expect(issued.hash).toBe(sha256(issued.token));
    expect(issued.token).not.toContain(issued.nonce);
    const stored = { id: 'r1', manageTokenNonce: issued.nonce, manageTokenHash: issued.hash };
    expect(currentManageToken(key, stored)).toBe(issued.token);
    expect(issueManageToken(key).token).not.toBe(issued.token);
  });
});
