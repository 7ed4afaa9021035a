import { describe, expect, it } from '@jest/globals';
import { ApolloServer } from '@apollo/server';
import { RateLimitPlugin } from './rate-limit.plugin.js';
import { RateLimiter, memoryCounters } from './rate-limiter.js';

// The fields of the contract that do not exist on this branch yet, on a stand-in schema.
const typeDefs = `
  type Query { viewer: String, myRegistration(manageToken: String!): String, events: [String!]! }
  type LoginSuccess { accessToken: String! }
  type InvalidCredentialsError { errorCode: String!, message: String! }
  union LoginResult = LoginSuccess | InvalidCredentialsError
  type Mutation {
    login(email: String!, password: String!): LoginResult!
    register(input: String): String
  }
`;
const PASSWORD = 'correct horse';
const resolvers = {
  Query: { viewer: () => 'me', myRegistration: () => null, events: () => [] },
  Mutation: {
    login: (_: unknown, args: { password: string }) =>
      args.password === PASSWORD
        ? { accessToken: 'token' }
        : { errorCode: 'INVALID_CREDENTIALS', message: 'wrong' },
    register: () => 'ok',
  },
  LoginResult: {
    __resolveType: (r: object) => ('accessToken' in r ? 'LoginSuccess' : 'InvalidCredentialsError'),
  },
};

function setup(limits: Record<string, number>) {
  const limiter = new RateLimiter(limits, memoryCounters);
  // the delays a slowed-down login waits, instead of waiting them
  const waits: number[] = [];
  limiter.wait = async (ms) => {
    waits.push(ms);
  };
  const warnings: object[] = [];
  const server = new ApolloServer({ typeDefs, resolvers, plugins: [new RateLimitPlugin(limiter)] });
  const run = async (
    query: string,
    variables: Record<string, unknown> = {},
    ip = '10.0.0.1',
    operationName?: string,
  ) => {
    const res = await server.executeOperation(
      { query, variables, operationName },
      { contextValue: { req: { ip, log: { warn: (entry: object) => warnings.push(entry) } } } },
    );
    const body = res.body.kind === 'single' ? res.body.singleResult : undefined;
    return {
      status: res.http.status,
      headers: res.http.headers,
      data: body?.data,
      errors: body?.errors,
    };
  };
  return { limiter, run, warnings, waits };
}

const LOGIN =
  'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { __typename } }';

describe('RateLimitPlugin', () => {
  it('refuses a limited field beyond its limit with RATE_LIMITED, 429 and Retry-After', async () => {
    const { run } = setup({ register: 2 });
    expect((await run('mutation { register }')).data).toEqual({ register: 'ok' });
    expect((await run('mutation { register }')).errors).toBeUndefined();
    const refused = await run('mutation { register }');
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.data).toBeUndefined();
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/'register' is limited to 2 per minute/),
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter },
    });
    // another address is not affected; neither are fields without a limit
    expect((await run('mutation { register }', {}, '10.0.0.9')).errors).toBeUndefined();
    expect((await run('{ viewer events }')).errors).toBeUndefined();
  });

  it('counts every occurrence: aliases and fragments do not multiply attempts', async () => {
    const { run } = setup({ token: 3 });
    const aliased = await run(
      '{ a: myRegistration(manageToken: "1") b: myRegistration(manageToken: "2") ...F } fragment F on Query { c: myRegistration(manageToken: "3") ... on Query { d: myRegistration(manageToken: "4") } }',
    );
    expect(aliased.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
  });

  it('counts only the operation that runs', async () => {
    const { run } = setup({ register: 1 });
    const document = 'query Q { viewer } mutation M { register }';
    for (let i = 0; i < 3; i++)
      expect((await run(document, {}, '10.0.0.1', 'Q')).errors).toBeUndefined();
    expect((await run(document, {}, '10.0.0.1', 'M')).errors).toBeUndefined();
    expect((await run(document, {}, '10.0.0.1', 'M')).errors?.[0].extensions?.code).toBe(
      'RATE_LIMITED',
    );
  });

  it('applies to any root field put in its table, e.g. viewer, and logs refusals', async () => {
    const { limiter, run, warnings } = setup({});
    limiter.configure({ limits: { test: 1 }, fields: { viewer: 'test' } });
    expect((await run('{ viewer }')).errors).toBeUndefined();
    expect((await run('{ viewer }')).errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect(warnings).toEqual([{ limit: 'test', field: 'viewer' }]);
  });

  it('slows down logins after failures per address and e-mail, and forgets them after a success', async () => {
    const { limiter, run, waits } = setup({ login: 100 });
    const attempt = async (password: string, email = 'orga@example.org', ip = '10.0.0.1') => {
      const res = await run(LOGIN, { email, password }, ip);
      return (res.data?.login as { __typename: string }).__typename;
    };
    for (let i = 0; i < 3; i++) expect(await attempt('wrong')).toBe('InvalidCredentialsError');
    expect(waits).toEqual([]);
    expect(await limiter.loginDelayMs('10.0.0.1', 'orga@example.org')).toBe(500);
    // another address or another account is not slowed down
    await attempt('wrong', 'orga@example.org', '10.0.0.2');
    await attempt('wrong', 'someone@example.org');
    expect(waits).toEqual([]);
    expect(await attempt(PASSWORD)).toBe('LoginSuccess');
    expect(waits).toEqual([500]);
    expect(await limiter.loginDelayMs('10.0.0.1', 'orga@example.org')).toBe(0);
  });

  it('reads the e-mail from a literal argument too', async () => {
    const { limiter, run } = setup({ login: 100 });
    await run('mutation { login(email: "lit@example.org", password: "x") { __typename } }');
    await run('mutation { login(email: "lit@example.org", password: "x") { __typename } }');
    await run('mutation { login(email: "lit@example.org", password: "x") { __typename } }');
    expect(await limiter.loginDelayMs('10.0.0.1', 'lit@example.org')).toBe(500);
  });

  it('does not slow down logins when the login limit is switched off (0)', async () => {
    const { limiter, run, waits } = setup({ login: 0 });
    for (let i = 0; i < 6; i++) await run(LOGIN, { email: 'orga@example.org', password: 'wrong' });
    expect(waits).toEqual([]);
    expect(await limiter.loginDelayMs('10.0.0.1', 'orga@example.org')).toBe(0);
  });
});
