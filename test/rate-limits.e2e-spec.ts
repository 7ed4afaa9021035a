import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RateLimiter } from '../apps/api/src/security/rate-limiter.js';
import { startTestApp, type TestApp } from './harness/index.js';

// register, login and the manage-token fields arrive with other branches; the
// mechanism is keyed by root field name, so here `viewer` stands in for them.
describe('rate limits per client address', () => {
  let t: TestApp;
  beforeAll(async () => {
    // the defaults, not the harness' unlimited test settings
    t = await startTestApp({
      RATE_LIMIT_REGISTER_PER_MINUTE: undefined,
      RATE_LIMIT_LOGIN_PER_MINUTE: undefined,
      RATE_LIMIT_TOKEN_PER_MINUTE: undefined,
    });
  });
  afterAll(() => t.close());

  it('has the configured defaults for register, login and manage-token look-ups', () => {
    const limiter = t.app.get(RateLimiter);
    expect(
      ['register', 'login', 'myRegistration', 'updateRegistration', 'cancelRegistration'].map((f) =>
        limiter.limitOfField(f),
      ),
    ).toEqual(['register', 'login', 'token', 'token', 'token']);
    expect(t.config.rateLimits).toEqual({
      registerPerMinute: 60,
      loginPerMinute: 20,
      tokenPerMinute: 120,
    });
  });

  it('refuses a limited root field with RATE_LIMITED and HTTP 429 once the limit is used up', async () => {
    t.app
      .get(RateLimiter)
      .configure({ limits: { 'test-viewer': 3 }, fields: { viewer: 'test-viewer' } });
    for (let i = 0; i < 3; i++) expect((await t.gql('{ viewer { id } }')).status).toBe(200);
    const refused = await t.gql('{ viewer { id } }');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect(refused.errors?.[0].message).toMatch(/'viewer' is limited to 3 per minute/);
    t.app.get(RateLimiter).configure({ limits: { 'test-viewer': 0 } });
    expect((await t.gql('{ viewer { id } }')).status).toBe(200);
  });

  it('limits calendar feed look-ups by manage token with 429 RATE_LIMITED', async () => {
    t.app.get(RateLimiter).configure({ limits: { token: 2 } });
    const get = () => fetch(`${t.baseUrl}/calendar/registrations/some-manage-token.ics`);
    expect((await get()).status).not.toBe(429);
    expect((await get()).status).not.toBe(429);
    const refused = await get();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect(await refused.json()).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    // other routes are not affected
    expect((await fetch(`${t.baseUrl}/health`)).status).toBe(200);
  });

  it('ignores X-Forwarded-For without TRUST_PROXY: a client cannot pick a fresh address', async () => {
    t.app.get(RateLimiter).configure({ limits: { 'test-xff': 1 }, fields: { viewer: 'test-xff' } });
    const as = (ip: string) =>
      t.gql('{ viewer { id } }', {}, { headers: { 'x-forwarded-for': ip } });
    expect((await as('198.51.100.1')).status).toBe(200);
    expect((await as('198.51.100.2')).status).toBe(429);
  });
});

describe('rate limits behind a trusted proxy (TRUST_PROXY)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: 'loopback', RATE_LIMIT_REGISTER_PER_MINUTE: '1' });
  });
  afterAll(() => t.close());

  it('reads environment variables for the limits', () => {
    expect(t.config.rateLimits.registerPerMinute).toBe(1);
    expect(t.app.get(RateLimiter).take('register', '192.0.2.1').allowed).toBe(true);
    expect(t.app.get(RateLimiter).take('register', '192.0.2.1').allowed).toBe(false);
  });

  it('counts the address from X-Forwarded-For', async () => {
    t.app.get(RateLimiter).configure({ limits: { 'test-xff': 1 }, fields: { viewer: 'test-xff' } });
    const as = (ip: string) =>
      t.gql('{ viewer { id } }', {}, { headers: { 'x-forwarded-for': ip } });
    expect((await as('198.51.100.1')).status).toBe(200);
    expect((await as('198.51.100.1')).status).toBe(429);
    expect((await as('198.51.100.2')).status).toBe(200);
    // a spoofed hop in front of the proxy's entry does not help: the proxy appends the real one
    expect((await as('203.0.113.9, 198.51.100.2')).status).toBe(429);
  });
});
