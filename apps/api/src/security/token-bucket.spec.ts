import { describe, expect, it } from '@jest/globals';
import { isFull, takeToken, type Bucket } from './token-bucket.js';

describe('takeToken', () => {
  it('lets a burst of the whole limit through, then refuses with the wait until the next token', () => {
    let bucket: Bucket | undefined;
    for (let i = 0; i < 60; i++) {
      const take = takeToken(bucket, 60, 1_000);
      expect(take.allowed).toBe(true);
      bucket = take.bucket;
    }
    const refused = takeToken(bucket, 60, 1_000);
    expect(refused).toMatchObject({ allowed: false, retryAfterMs: 1_000 });
  });

  it('refills at the limit per minute, never beyond the limit', () => {
    const empty: Bucket = { tokens: 0, updatedAt: 0 };
    expect(takeToken(empty, 60, 500).allowed).toBe(false);
    expect(takeToken(empty, 60, 1_000).allowed).toBe(true);
    expect(takeToken(empty, 60, 3_600_000).bucket.tokens).toBe(59);
  });

  it('knows when a bucket has refilled and can be forgotten', () => {
    expect(isFull({ tokens: 0, updatedAt: 0 }, 60, 59_999)).toBe(false);
    expect(isFull({ tokens: 0, updatedAt: 0 }, 60, 60_000)).toBe(true);
  });
});
