import { describe, expect, it } from '@jest/globals';
import { RateLimiter } from './rate-limiter.js';

describe('RateLimiter', () => {
  const clock = () => {
    const state = { now: 0 };
    return { state, now: () => state.now };
  };

  it('limits each address on its own and reports when to retry', () => {
    const { now } = clock();
    const limiter = new RateLimiter({ register: 2 }, undefined, now);
    expect(limiter.take('register', '10.0.0.1').allowed).toBe(true);
    expect(limiter.take('register', '10.0.0.1').allowed).toBe(true);
    expect(limiter.take('register', '10.0.0.1')).toEqual({
      allowed: false,
      perMinute: 2,
      retryAfterSeconds: 30,
    });
    expect(limiter.take('register', '10.0.0.2').allowed).toBe(true);
  });

  it('treats 0 and unknown limits as unlimited', () => {
    const limiter = new RateLimiter({ register: 0 });
    for (let i = 0; i < 1000; i++) expect(limiter.take('register', '10.0.0.1').allowed).toBe(true);
    expect(limiter.take('other', '10.0.0.1').allowed).toBe(true);
  });

  it('maps the root fields of the contract to their limits', () => {
    const limiter = new RateLimiter({});
    expect(
      [
        'register',
        'login',
        'myRegistration',
        'updateRegistration',
        'cancelRegistration',
        'events',
      ].map((f) => limiter.limitOfField(f)),
    ).toEqual(['register', 'login', 'token', 'token', 'token', undefined]);
    expect(limiter.limitOfField('constructor')).toBeUndefined();
    limiter.configure({ fields: { viewer: 'test' }, limits: { test: 1 } });
    expect(limiter.limitOfField('viewer')).toBe('test');
  });

  it('slows down logins per address and e-mail after failures, forgets them on success or after 15 min', () => {
    const { state, now } = clock();
    const limiter = new RateLimiter({}, undefined, now);
    for (let i = 0; i < 4; i++) limiter.recordLoginFailure('10.0.0.1', 'Orga@Example.org');
    expect(limiter.loginDelayMs('10.0.0.1', 'orga@example.org ')).toBe(1000);
    expect(limiter.loginDelayMs('10.0.0.2', 'orga@example.org')).toBe(0);
    expect(limiter.loginDelayMs('10.0.0.1', 'other@example.org')).toBe(0);
    state.now = 15 * 60_000 + 1;
    expect(limiter.loginDelayMs('10.0.0.1', 'orga@example.org')).toBe(0);
    limiter.recordLoginFailure('10.0.0.1', 'orga@example.org');
    expect(limiter.loginDelayMs('10.0.0.1', 'orga@example.org')).toBe(0);
    for (let i = 0; i < 5; i++) limiter.recordLoginFailure('10.0.0.1', 'orga@example.org');
    expect(limiter.loginDelayMs('10.0.0.1', 'orga@example.org')).toBe(4000);
    limiter.recordLoginSuccess('10.0.0.1', 'orga@example.org');
    expect(limiter.loginDelayMs('10.0.0.1', 'orga@example.org')).toBe(0);
  });
});
