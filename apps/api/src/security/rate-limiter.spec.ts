import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { RateLimiter, memoryCounters } from './rate-limiter.js';

describe('RateLimiter', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('limits each address on its own and reports when to retry', async () => {
    const limiter = new RateLimiter({ register: 2 }, memoryCounters);
    expect((await limiter.take('register', '10.0.0.1')).allowed).toBe(true);
    expect((await limiter.take('register', '10.0.0.1')).allowed).toBe(true);
    const refused = await limiter.take('register', '10.0.0.1');
    expect(refused).toMatchObject({ allowed: false, perMinute: 2 });
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await limiter.take('register', '10.0.0.2')).allowed).toBe(true);
  });

  it('lets the next requests through once the minute has passed', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const limiter = new RateLimiter({ register: 1 }, memoryCounters);
    expect((await limiter.take('register', '10.0.0.1')).allowed).toBe(true);
    jest.advanceTimersByTime(30_000);
    expect(await limiter.take('register', '10.0.0.1')).toEqual({
      allowed: false,
      perMinute: 1,
      retryAfterSeconds: 30,
    });
    jest.advanceTimersByTime(30_000);
    expect((await limiter.take('register', '10.0.0.1')).allowed).toBe(true);
  });

  it('counts IPv6 clients per /64', async () => {
    const limiter = new RateLimiter({ register: 1 }, memoryCounters);
    expect((await limiter.take('register', '2001:db8:1:2::1')).allowed).toBe(true);
    expect((await limiter.take('register', '2001:db8:1:2:ffff::9')).allowed).toBe(false);
    expect((await limiter.take('register', '2001:db8:1:3::1')).allowed).toBe(true);
  });

  it('treats 0 and unknown limits as unlimited', async () => {
    const limiter = new RateLimiter({ register: 0 }, memoryCounters);
    for (let i = 0; i < 1000; i++) {
      expect((await limiter.take('register', '10.0.0.1')).allowed).toBe(true);
    }
    expect((await limiter.take('other', '10.0.0.1')).allowed).toBe(true);
  });

  it('maps the root fields of the contract to their limits', () => {
    const limiter = new RateLimiter({}, memoryCounters);
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

  it('slows down logins per address and e-mail after failures, forgets them on success or after 15 min without failures', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const limiter = new RateLimiter({}, memoryCounters);
    const delay = (ip = '10.0.0.1', email = 'orga@example.org') => limiter.loginDelayMs(ip, email);
    for (let i = 0; i < 4; i++) await limiter.recordLoginFailure('10.0.0.1', 'Orga@Example.org');
    expect(await delay('10.0.0.1', 'orga@example.org ')).toBe(1000);
    expect(await delay('10.0.0.2')).toBe(0);
    expect(await delay('10.0.0.1', 'other@example.org')).toBe(0);
    // a failure 10 minutes later keeps the count for another 15 minutes
    jest.advanceTimersByTime(10 * 60_000);
    await limiter.recordLoginFailure('10.0.0.1', 'orga@example.org');
    jest.advanceTimersByTime(10 * 60_000);
    expect(await delay()).toBe(2000);
    jest.advanceTimersByTime(5 * 60_000 + 1);
    expect(await delay()).toBe(0);
    await limiter.recordLoginFailure('10.0.0.1', 'orga@example.org');
    expect(await delay()).toBe(0);
    for (let i = 0; i < 5; i++) await limiter.recordLoginFailure('10.0.0.1', 'orga@example.org');
    expect(await delay()).toBe(4000);
    await limiter.recordLoginSuccess('10.0.0.1', 'orga@example.org');
    expect(await delay()).toBe(0);
  });
});
