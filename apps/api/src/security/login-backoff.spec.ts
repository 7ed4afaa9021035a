import { describe, expect, it } from '@jest/globals';
import { loginDelayMs } from './login-backoff.js';

describe('loginDelayMs', () => {
  it('forgives typos, then doubles the wait up to 8 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 50].map(loginDelayMs)).toEqual([
      0, 0, 0, 500, 1000, 2000, 4000, 8000, 8000, 8000,
    ]);
  });
});
