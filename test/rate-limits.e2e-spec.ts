import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { sql } from '@fachtag/database';
import pg from 'pg';
import { RateLimiter } from '../apps/api/src/security/rate-limiter.js';
import {
  RATE_LIMIT_APPLICATION_NAME,
  RATE_LIMIT_POOL,
} from '../apps/api/src/security/security.module.js';
import { TEST_ORGANIZER, startTestApp, type GqlResponse, type TestApp } from './harness/index.js';
import { createEventFixture } from './factories/index.js';
import { LOGIN_MUTATION } from './factories/organizers.js';
import { REGISTER, freshEm, participant, type ResultData } from './registrations-helpers.js';

/** `register` for a fresh participant, as a client at `headers` sends it. */
function registerAs(t: TestApp, eventId: string, headers: Record<string, string> = {}) {
  return t.gql<{ register: ResultData }>(
    REGISTER,
    { input: { eventId, participant: participant(), workshopIds: [], privacyConsent: true } },
    { headers },
  );
}

function loginAs(t: TestApp, password: string, headers: Record<string, string> = {}) {
  return t.gql<{ login: { __typename: string } }>(
    LOGIN_MUTATION,
    { email: TEST_ORGANIZER.email, password },
    { headers },
  );
}

function expectRateLimited(res: GqlResponse, field: string, perMinute: number): void {
  expect(res.status).toBe(429);
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(res.errors?.[0]).toMatchObject({
    message: expect.stringContaining(`'${field}' is limited to ${perMinute} per minute`),
    extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter },
  });
}

/** Moves every counter's window into the past: what a minute of waiting does. */
async function letTheMinutePass(t: TestApp): Promise<void> {
  await sql(freshEm(t), 'update rate_limits set expire = 0');
}

describe('rate limits per client address', () => {
  let t: TestApp;
  let eventId: string;
  beforeAll(async () => {
    // the defaults, not the harness' unlimited test settings
    t = await startTestApp({
      RATE_LIMIT_REGISTER_PER_MINUTE: undefined,
      RATE_LIMIT_LOGIN_PER_MINUTE: undefined,
      RATE_LIMIT_TOKEN_PER_MINUTE: undefined,
      RATE_LIMIT_MANAGE_LINK_PER_HOUR: undefined,
    });
    eventId = (await createEventFixture(freshEm(t), {})).event.id;
  });
  beforeEach(() => sql(freshEm(t), 'delete from rate_limits'));
  afterAll(() => t.close());

  it('has the configured defaults for register, login, manage-token look-ups and lost links', () => {
    const limiter = t.app.get(RateLimiter);
    expect(
      [
        'register',
        'login',
        'myRegistration',
        'updateRegistration',
        'cancelRegistration',
        'requestManageLink',
      ].map((f) => limiter.limitOfField(f)),
    ).toEqual(['register', 'login', 'token', 'token', 'token', 'manageLink']);
    expect(t.config.rateLimits).toEqual({
      registerPerMinute: 60,
      loginPerMinute: 20,
      tokenPerMinute: 120,
      manageLinkPerHour: 10,
    });
  });

  it('refuses register beyond the limit with RATE_LIMITED, HTTP 429 and Retry-After, and lets it through once the minute has passed', async () => {
    t.app.get(RateLimiter).configure({ limits: { register: 3 } });
    for (let i = 0; i < 3; i++) {
      const res = await registerAs(t, eventId);
      expect(res.data?.register.__typename).toBe('RegistrationSuccess');
    }
    const refused = await registerAs(t, eventId);
    expectRateLimited(refused, 'register', 3);
    expect(refused.data ?? undefined).toBeUndefined();
    await letTheMinutePass(t);
    expect((await registerAs(t, eventId)).data?.register.__typename).toBe('RegistrationSuccess');
    t.app.get(RateLimiter).configure({ limits: { register: 60 } });
  });

  it('counts every occurrence of a field: aliases do not multiply attempts', async () => {
    t.app.get(RateLimiter).configure({ limits: { login: 2 } });
    const res = await t.gql(
      `mutation { a: login(email: "x@example.org", password: "1") { __typename }
                  b: login(email: "x@example.org", password: "2") { __typename }
                  c: login(email: "x@example.org", password: "3") { __typename } }`,
    );
    expectRateLimited(res, 'login', 2);
    t.app.get(RateLimiter).configure({ limits: { login: 20 } });
  });

  it('refuses login beyond the limit, for right and wrong passwords alike', async () => {
    t.app.get(RateLimiter).configure({ limits: { login: 2 } });
    expect((await loginAs(t, 'wrong password')).data?.login.__typename).toBe(
      'InvalidCredentialsError',
    );
    expect((await loginAs(t, TEST_ORGANIZER.password)).data?.login.__typename).toBe('LoginSuccess');
    expectRateLimited(await loginAs(t, TEST_ORGANIZER.password), 'login', 2);
    t.app.get(RateLimiter).configure({ limits: { login: 20 } });
  });

  it('slows down a login after three failures for the address and e-mail, until a success', async () => {
    const limiter = t.app.get(RateLimiter);
    const waits: number[] = [];
    const realWait = limiter.wait;
    limiter.wait = async (ms) => {
      waits.push(ms);
    };
    try {
      for (let i = 0; i < 4; i++) await loginAs(t, 'wrong password');
      expect(waits).toEqual([500]);
      expect((await loginAs(t, TEST_ORGANIZER.password)).data?.login.__typename).toBe(
        'LoginSuccess',
      );
      expect(waits).toEqual([500, 1000]);
      await loginAs(t, TEST_ORGANIZER.password);
      expect(waits).toEqual([500, 1000]);
    } finally {
      limiter.wait = realWait;
    }
  });

  it('counts aliases and fragments of myRegistration alike, and only the operation that runs', async () => {
    const limiter = t.app.get(RateLimiter);
    limiter.configure({ limits: { token: 3 } });
    const spread = await t.gql(
      `{ a: myRegistration(manageToken: "1") { id } b: myRegistration(manageToken: "2") { id } ...F }
       fragment F on Query {
         c: myRegistration(manageToken: "3") { id }
         ... on Query { d: myRegistration(manageToken: "4") { id } }
       }`,
    );
    expect(spread.status).toBe(429);
    expect(spread.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    limiter.configure({ limits: { token: 120, register: 1 } });

    // a document with two operations: only the one named by operationName counts
    const run = async (operationName: string) => {
      const res = await fetch(`${t.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `query Q { viewer { id } }
                  mutation M($input: RegisterInput!) { register(input: $input) { __typename } }`,
          variables:
            operationName === 'M'
              ? {
                  input: {
                    eventId,
                    participant: participant(),
                    workshopIds: [],
                    privacyConsent: true,
                  },
                }
              : {},
          operationName,
        }),
      });
      await res.text();
      return res.status;
    };
    expect([await run('Q'), await run('Q'), await run('Q')]).toEqual([200, 200, 200]);
    expect(await run('M')).toBe(200);
    expect(await run('M')).toBe(429);
    limiter.configure({ limits: { register: 60 } });
  });

  it('limits any root field put in its table, e.g. viewer', async () => {
    const limiter = t.app.get(RateLimiter);
    limiter.configure({ limits: { test: 1 }, fields: { viewer: 'test' } });
    try {
      expect((await t.gql('{ viewer { id } }')).status).toBe(200);
      const refused = await t.gql('{ viewer { id } }');
      expect(refused.status).toBe(429);
      expect(refused.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    } finally {
      limiter.configure({ limits: { test: 0 } });
    }
  });

  it('slows down only the failing account, reads a literal e-mail too, and not at all with the login limit off', async () => {
    const limiter = t.app.get(RateLimiter);
    const waits: number[] = [];
    const realWait = limiter.wait;
    limiter.wait = async (ms) => {
      waits.push(ms);
    };
    const literal = (email: string) =>
      t.gql<{ login: { __typename: string } }>(
        `mutation { login(email: "${email}", password: "wrong password") { __typename } }`,
      );
    try {
      for (let i = 0; i < 3; i++) {
        expect((await literal(TEST_ORGANIZER.email)).data?.login.__typename).toBe(
          'InvalidCredentialsError',
        );
      }
      expect(waits).toEqual([]);
      // another account from the same address is not slowed down ...
      await literal('someone.else@test.example');
      expect(waits).toEqual([]);
      // ... the failing one is, whether its e-mail came literally or as a variable
      await loginAs(t, 'wrong password');
      expect(waits).toEqual([500]);

      await sql(freshEm(t), 'delete from rate_limits');
      waits.length = 0;
      limiter.configure({ limits: { login: 0 } });
      for (let i = 0; i < 6; i++) await loginAs(t, 'wrong password');
      expect(waits).toEqual([]);
    } finally {
      limiter.wait = realWait;
      limiter.configure({ limits: { login: 20 } });
    }
  });

  it('limits calendar feed look-ups by token with 429 RATE_LIMITED', async () => {
    t.app.get(RateLimiter).configure({ limits: { token: 2 } });
    const get = () => fetch(`${t.baseUrl}/calendar/registrations/some-calendar-token.ics`);
    expect((await get()).status).toBe(404);
    expect((await get()).status).toBe(404);
    const refused = await get();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await refused.json()).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    // other routes are not affected
    expect((await fetch(`${t.baseUrl}/health`)).status).toBe(200);
    t.app.get(RateLimiter).configure({ limits: { token: 120 } });
  });

  it('ignores X-Forwarded-For without TRUST_PROXY: a client cannot pick a fresh address', async () => {
    t.app.get(RateLimiter).configure({ limits: { register: 1 } });
    const as = (ip: string) => registerAs(t, eventId, { 'x-forwarded-for': ip });
    expect((await as('198.51.100.1')).status).toBe(200);
    expect((await as('198.51.100.2')).status).toBe(429);
    t.app.get(RateLimiter).configure({ limits: { register: 60 } });
  });

  it('keeps its counts in PostgreSQL under hashed keys: no address or e-mail in clear', async () => {
    await loginAs(t, 'wrong password');
    await registerAs(t, eventId);
    const rows = await sql<{ key: string; points: number }>(
      freshEm(t),
      'select key, points from rate_limits order by key',
    );
    expect(rows.map((r) => r.key.split(':')[0]).sort()).toEqual([
      'login',
      'login-failures',
      'register',
    ]);
    for (const row of rows) {
      expect(row.key).not.toMatch(/127\.0\.0\.1|@|test\.example/);
      expect(row.points).toBe(1);
    }
  });

  it("stays up when the database ends the counters' connections (a restart, a failover) and counts in it again", async () => {
    expect((await registerAs(t, eventId)).status).toBe(200);
    const pool = t.app.get<pg.Pool>(RATE_LIMIT_POOL);
    expect(pool.idleCount).toBeGreaterThan(0);
    const [ended] = await sql<{ n: number }>(
      freshEm(t),
      `select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
        where datname = current_database() and application_name = $1`,
      [RATE_LIMIT_APPLICATION_NAME],
    );
    expect(ended.n).toBeGreaterThan(0);
    // the pool drops a connection once its 'error' event is handled: without a
    // listener that event ends the process, and this file fails
    for (let i = 0; i < 200 && pool.totalCount > 0; i++)
      await new Promise((r) => setTimeout(r, 25)); // polling for a state, not a sleep
    expect(pool.totalCount).toBe(0);
    expect((await registerAs(t, eventId)).status).toBe(200);
    const [row] = await sql<{ points: number }>(
      freshEm(t),
      `select points from rate_limits where key like 'register:%'`,
    );
    expect(row.points).toBe(2);
  });
});

describe('rate limits behind a trusted proxy (TRUST_PROXY)', () => {
  let t: TestApp;
  let eventId: string;
  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: 'loopback', RATE_LIMIT_REGISTER_PER_MINUTE: '1' });
    eventId = (await createEventFixture(freshEm(t), {})).event.id;
  });
  afterAll(() => t.close());

  it('counts the address from X-Forwarded-For, with the limit from the environment', async () => {
    expect(t.config.rateLimits.registerPerMinute).toBe(1);
    const as = (ip: string) => registerAs(t, eventId, { 'x-forwarded-for': ip });
    expect((await as('198.51.100.1')).status).toBe(200);
    expect((await as('198.51.100.1')).status).toBe(429);
    expect((await as('198.51.100.2')).status).toBe(200);
    // a spoofed hop in front of the proxy's entry does not help: the proxy appends the real one
    expect((await as('203.0.113.9, 198.51.100.2')).status).toBe(429);
  });
});
