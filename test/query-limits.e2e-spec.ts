import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from './harness/index.js';

/** POSTs a raw body to /graphql and returns status, content type and parsed body. */
async function post(
  t: TestApp,
  body: string,
  headers: Record<string, string> = {},
): Promise<{
  status: number;
  type: string | null;
  body: {
    data?: unknown;
    errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  };
}> {
  const res = await fetch(`${t.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    body: (await res.json()) as never,
  };
}

const nested = (levels: number) =>
  `{ __type(name: "Query") { ${'fields { type { '.repeat(levels)}name${' } }'.repeat(levels)} } }`;

// Within depth, alias and token limits, but fanning out through fragments:
// each __type costs ~13,500.
const EXPENSIVE = `query { a: __type(name: "Query") { ...F3 } b: __type(name: "Query") { ...F3 } }
fragment F0 on __Type { name kind description specifiedByURL }
fragment F1 on __Type { ofType { ...F0 } ...F0 fields { type { ...F0 } } inputFields { type { ...F0 } } interfaces { ...F0 } possibleTypes { ...F0 } }
fragment F2 on __Type { ofType { ...F1 } fields { type { ...F1 } } interfaces { ...F1 } possibleTypes { ...F1 } }
fragment F3 on __Type { ofType { ...F2 } fields { type { ...F2 } } interfaces { ...F2 } possibleTypes { ...F2 } }`;

describe('query limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('lets an ordinary query through', async () => {
    expect(await t.data('{ viewer { id email } }')).toEqual({ viewer: null });
  });

  it.each([
    ['depth', nested(5), /depth limit of 8 exceeded/],
    [
      'aliases',
      `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: viewer { id }`).join(' ')} }`,
      /Aliases limit of 15 exceeded/,
    ],
    [
      'directives',
      `{ viewer ${'@skip(if: false) '.repeat(21)}{ id } }`,
      /Directives limit of 20 exceeded/,
    ],
    ['cost', EXPENSIVE, /Cost limit of 20000 exceeded/],
  ])(
    'refuses a document over the %s limit with GRAPHQL_VALIDATION_FAILED and 400',
    async (_, query, message) => {
      const res = await post(t, JSON.stringify({ query }));
      expect(res.status).toBe(400);
      expect(res.body.data).toBeUndefined();
      const error = res.body.errors?.find((e) => message.test(e.message));
      expect(error?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    },
  );

  it('counts depth through fragments and survives fragment cycles', async () => {
    const query = `query { ...A } fragment A on Query { __type(name: "Query") { ...B } } fragment B on __Type { ${'fields { type { '.repeat(5)}name${' } }'.repeat(5)} }`;
    const deep = await post(t, JSON.stringify({ query }));
    expect(deep.body.errors?.[0].message).toMatch(/depth limit/);
    const cycle = await post(
      t,
      JSON.stringify({
        query: 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }',
      }),
    );
    expect(cycle.status).toBe(400);
    expect(cycle.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a document of more than 2000 tokens with GRAPHQL_PARSE_FAILED and 400', async () => {
    const res = await post(t, JSON.stringify({ query: `{ ${'__typename '.repeat(2001)}}` }));
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(res.body.errors?.[0].message).toMatch(/more tha[nt] 2000 tokens/);
  });

  it('refuses batched (array) requests', async () => {
    const res = await post(
      t,
      JSON.stringify([{ query: '{ viewer { id } }' }, { query: '{ viewer { id } }' }]),
    );
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
  });

  it('refuses a body over 100 kB with PAYLOAD_TOO_LARGE and 413, and keeps answering', async () => {
    const res = await post(
      t,
      JSON.stringify({ query: '{ viewer { id } }', variables: { x: 'x'.repeat(110_000) } }),
    );
    expect(res.status).toBe(413);
    expect(res.type).toMatch(/^application\/json/);
    expect(res.body.errors?.[0].extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    // just under the limit is fine
    const fits = await post(
      t,
      JSON.stringify({ query: '{ viewer { id } }', variables: { x: 'x'.repeat(90_000) } }),
    );
    expect(fits.status).toBe(200);
  });

  it('answers malformed JSON with BAD_REQUEST in the GraphQL error shape', async () => {
    const res = await post(t, '{"query": "{ viewer { id } }"', {
      accept: 'application/graphql-response+json',
    });
    expect(res.status).toBe(400);
    expect(res.type).toMatch(/^application\/graphql-response\+json/);
    expect(res.body).toEqual({
      errors: [{ message: 'Request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('keeps field suggestions outside production', async () => {
    const res = await post(t, JSON.stringify({ query: '{ viewr { id } }' }));
    expect(res.body.errors?.[0].message).toMatch(/Did you mean "viewer"/);
  });
});

describe('production settings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: 'production' });
  });
  afterAll(() => t.close());

  it('refuses introspection', async () => {
    const res = await post(t, JSON.stringify({ query: '{ __schema { types { name } } }' }));
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const type = await post(t, JSON.stringify({ query: '{ __type(name: "Query") { name } }' }));
    expect(type.body.errors?.[0].message).toMatch(/introspection is not allowed/);
  });

  it('gives no field, argument or enum suggestions', async () => {
    for (const query of ['{ viewr { id } }', '{ viewer { idd } }', '{ viewer { emial } }']) {
      const res = await post(t, JSON.stringify({ query }));
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).not.toMatch(/Did you mean/);
    }
  });

  it('never sends stack traces', async () => {
    const res = await post(t, JSON.stringify({ query: '{ viewer { id }' }));
    expect(JSON.stringify(res.body)).not.toMatch(/stacktrace|\.ts:\d+|\.js:\d+/);
  });

  it('has no GraphiQL or landing page, only a static explanation without scripts', async () => {
    const res = await fetch(`${t.baseUrl}/graphql`, { headers: { accept: 'text/html' } });
    const html = await res.text();
    expect(html).not.toMatch(/<script|cdn\.|graphiql/i);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('prevents CSRF: simple requests without a preflight header are refused', async () => {
    const res = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ viewer { id } }' }),
    });
    expect(res.status).toBe(400);
    expect(
      ((await res.json()) as { errors: Array<{ message: string }> }).errors[0].message,
    ).toMatch(/Cross-Site Request Forgery/);
    const get = await fetch(
      `${t.baseUrl}/graphql?query=${encodeURIComponent('{ viewer { id } }')}`,
      {
        headers: { 'apollo-require-preflight': 'true' },
      },
    );
    expect(get.status).toBe(200);
  });
});
