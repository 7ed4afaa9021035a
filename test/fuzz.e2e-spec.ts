import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { startTestApp, type TestApp } from './harness/index.js';

// Hostile input against the real server in production mode: random and
// malformed documents, variables, bodies, content types and methods. Every
// answer must be a client error or success (never 5xx), carry no stack trace,
// and the server must keep answering. ~3,000 requests, seeded for repeatability
// (FUZZ_SEED=… to explore further).
const SEED = Number(process.env.FUZZ_SEED ?? 20261121);

const STACK = /\bat [^\n]+:\d+:\d+|stacktrace|node_modules|\/dist\/|\.ts:\d+/;

const VALID = [
  '{ viewer { id email name } }',
  'query Me { viewer { ...O } } fragment O on Organizer { id name }',
  'query ($skip: Boolean!) { viewer @skip(if: $skip) { id } }',
  '{ __typename viewer { __typename } }',
  'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { __typename } }',
  '{ event(slug: "fachtag") { agenda { workshops { hosts { name } phase { title } } } } }',
];

const TOKENS = [
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ':',
  '!',
  '=',
  '$x',
  '$',
  '...',
  '@',
  '@include(if: true)',
  '@skip',
  'query',
  'mutation',
  'subscription',
  'fragment',
  'on',
  'viewer',
  'id',
  'email',
  'name',
  '__schema',
  '__type',
  '__typename',
  'register',
  'login',
  'myRegistration',
  'String',
  'Int',
  'ID!',
  '"str"',
  '"""block"""',
  '"\\u0000"',
  '"\\uD800"',
  '1',
  '-0',
  '1e999',
  '0x1F',
  'true',
  'null',
  '#',
  ',',
  'a:',
  'b:',
  'F',
  'on Query',
  '&',
  '|',
  '\u0000',
  '\uFEFF',
  '\u2028',
  '🙂',
];

const tokenDocument = fc
  .array(fc.constantFrom(...TOKENS), { maxLength: 60 })
  .map((tokens) => tokens.join(' '));

const mutatedDocument = fc
  .tuple(
    fc.constantFrom(...VALID),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.string({ maxLength: 4 })), { maxLength: 6 }),
  )
  .map(([doc, edits]) =>
    edits.reduce((text, [at, remove, insert]) => {
      const i = at % (text.length + 1);
      return text.slice(0, i) + insert + text.slice(i + remove);
    }, doc),
  );

const anyQuery = fc.oneof(
  tokenDocument,
  mutatedDocument,
  fc.string({ maxLength: 200, unit: 'binary' }),
  fc.constantFrom(...VALID),
);

const variables = fc.oneof(
  fc.constant(undefined),
  fc.jsonValue({ maxDepth: 4 }),
  fc.dictionary(
    fc.constantFrom('x', 'skip', 'email', 'password', 'slug', 'input', '__proto__', 'constructor'),
    fc.jsonValue({ maxDepth: 3 }),
  ),
);

const body = fc.oneof(
  fc.record(
    {
      query: fc.oneof(anyQuery, fc.jsonValue({ maxDepth: 2 })),
      variables,
      operationName: fc.oneof(fc.constantFrom('Me', 'Login', ''), fc.jsonValue({ maxDepth: 1 })),
      extensions: fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        fc.constant({ persistedQuery: { version: 1, sha256Hash: 'abc' } }),
      ),
    },
    { requiredKeys: [] },
  ),
  fc.array(fc.record({ query: anyQuery }), { maxLength: 3 }),
  fc.jsonValue({ maxDepth: 3 }),
);

interface Answer {
  status: number;
  text: string;
}

describe('fuzzing /graphql', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: 'production' });
  });
  afterAll(() => t.close());

  const send = async (init: RequestInit, query = ''): Promise<Answer> => {
    const res = await fetch(`${t.baseUrl}/graphql${query}`, init);
    return { status: res.status, text: await res.text() };
  };
  const check = (answer: Answer): void => {
    if (answer.status >= 500 || STACK.test(answer.text)) {
      throw new Error(`${answer.status}: ${answer.text.slice(0, 500)}`);
    }
  };

  it('survives random JSON requests', async () => {
    await fc.assert(
      fc.asyncProperty(body, async (payload) => {
        check(
          await send({
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(payload),
          }),
        );
      }),
      { numRuns: 2000, seed: SEED },
    );
  });

  it('survives malformed bodies, odd content types and headers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 300, unit: 'binary' }),
          body.map((b) => JSON.stringify(b).slice(0, -1)),
        ),
        fc.constantFrom(
          'application/json',
          'application/json; charset=utf-16',
          'application/json; charset=latin1',
          'application/graphql',
          'application/graphql-response+json',
          'text/plain',
          'multipart/form-data; boundary=x',
          'application/x-www-form-urlencoded',
          '',
        ),
        fc.constantFrom(
          'application/json',
          'application/graphql-response+json',
          'text/html',
          '*/*',
          'image/png',
          '',
        ),
        fc.constantFrom('POST', 'PUT', 'PATCH', 'DELETE'),
        async (raw, contentType, accept, method) => {
          const headers: Record<string, string> = { 'apollo-require-preflight': 'true' };
          if (contentType) headers['content-type'] = contentType;
          if (accept) headers.accept = accept;
          check(await send({ method, headers, body: raw }));
        },
      ),
      { numRuns: 700, seed: SEED },
    );
  });

  it('survives random GET requests', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyQuery,
        fc.oneof(
          fc.string({ maxLength: 50 }),
          variables.map((v) => JSON.stringify(v) ?? ''),
        ),
        fc.boolean(),
        async (query, vars, preflight) => {
          const params = new URLSearchParams({ query, variables: vars });
          check(
            await send(
              { method: 'GET', headers: preflight ? { 'apollo-require-preflight': 'true' } : {} },
              `?${params.toString()}`,
            ),
          );
        },
      ),
      { numRuns: 400, seed: SEED },
    );
  });

  it('keeps answering afterwards', async () => {
    const health = await fetch(`${t.baseUrl}/health`);
    expect(health.status).toBe(200);
    expect(await t.data('{ viewer { id } }')).toEqual({ viewer: null });
  });
});
