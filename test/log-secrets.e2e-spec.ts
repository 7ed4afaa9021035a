import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freePort } from '@fachtag/database';
import { createTestDatabase, dropTestDatabase, closeAll } from './harness/index.js';

// The built server (`npm test` builds first) in production mode at LOG_LEVEL=debug,
// its stdout and stderr captured: what it logs is what an operator's log
// collector would keep.
const MAIN = join(process.cwd(), 'dist/apps/api/src/main.js');
const FAULT = join(process.cwd(), 'test/harness/fault-injection.mjs');

const EMAIL = 'anna.schmidt@stadt-wuppertal.example';
const MANAGE_TOKEN = 'mT7kQ2vX9pL4wR8zN3cB6yH1dF5gJ0sA-u_e';
const BEARER = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvcmdhLTQyIn0.c2lnbmF0dXJlLXNlY3JldA';
const PASSWORD = 'Sommer2026!Fachtag';

describe('logs never contain tokens or e-mail addresses', () => {
  let child: ChildProcess;
  let output = '';
  let baseUrl = '';
  let database: { name: string; url: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['--import', FAULT, MAIN], {
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        LOG_LEVEL: 'debug',
        PORT: String(port),
        DATABASE_URL: database.url,
        DATA_DIR: mkdtempSync(join(tmpdir(), 'fachtag-logs-')),
        JWT_SECRET: 'log-test-secret-log-test-secret-0123456789',
        ORGANIZER_EMAIL: 'orga@log-test.example',
        ORGANIZER_PASSWORD: 'organizer password 123',
        FACHTAG_FAULT_MESSAGE: `insert into "registration" ("email", "manage_token") values ('${EMAIL}', '${MANAGE_TOKEN}') - duplicate key`,
      },
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    for (let i = 0; i < 600 && !output.includes('fachtag: serving'); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(output).toContain('fachtag: serving');
  });

  afterAll(() =>
    closeAll(
      async () => {
        if (!child || child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        await exited;
        clearTimeout(killer);
      },
      () => database && dropTestDatabase(database.name),
    ),
  );

  const gql = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${BEARER}`,
        ...headers,
      },
      body: JSON.stringify(body),
    });

  it('answers an unexpected error with a reference that leads to the redacted log entry', async () => {
    // a valid token: a forged one is refused before any field runs (sentTokenPlugin)
    const login = (await (
      await gql(
        {
          query: `mutation { login(email: "orga@log-test.example", password: "organizer password 123") { ... on LoginSuccess { accessToken } } }`,
        },
        { authorization: '' },
      )
    ).json()) as { data: { login: { accessToken: string } } };
    const token = login.data.login.accessToken;
    const res = await gql({ query: '{ viewer { id } }' }, { authorization: `Bearer ${token}` });
    const requestId = res.headers.get('x-request-id');
    const body = (await res.json()) as {
      errors: Array<{ message: string; extensions: Record<string, unknown> }>;
    };
    expect(body.errors[0].message).toBe(`Internal server error. Reference: ${requestId}`);
    expect(body.errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId });
    expect(JSON.stringify(body)).not.toMatch(/insert into|stack|\.js:\d/);
    const find = () =>
      output
        .split('\n')
        .find((l) => l.includes('unexpected GraphQL error') && l.includes(requestId!));
    for (let i = 0; i < 100 && !find(); i++) await new Promise((r) => setTimeout(r, 50));
    const line = find();
    expect(line).toBeDefined();
    const entry = JSON.parse(line!) as {
      requestId: string;
      error: { message: string; stack: string };
    };
    expect(entry.requestId).toBe(requestId);
    expect(entry.error.message).toMatch(/^insert into "registration" .*\[email\].*\[token\]/);
    expect(entry.error.stack).toMatch(/auth\.resolver|fault-injection/);
    expect(output).not.toContain(token);
  });

  it('answers input PostgreSQL cannot take with a client error and logs no error or stack for it', async () => {
    const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const anonymous = (query: string, variables: Record<string, unknown> = {}) =>
      fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
    const answers = [
      await anonymous('{ event(slug: "\\u0000") { id } }'),
      await anonymous('query ($s: String) { event(slug: $s) { id } }', { s: 'a\ud800' }),
      await anonymous('query ($a: String) { events(after: $a) { totalCount } }', {
        a: cursor(['2027-01-01T00:00:00.000Z', 'not-a-uuid']),
      }),
      await anonymous('query ($a: String) { events(after: $a) { totalCount } }', {
        a: cursor(['+275760-09-13T00:00:00.000Z', '00000000-0000-4000-8000-000000000000']),
      }),
      await anonymous(
        'mutation { login(email: "a\\u0000@example.org", password: "x") { __typename } }',
      ),
      await fetch(`${baseUrl}/calendar/events/%00.ics`),
      await fetch(`${baseUrl}/calendar/registrations/a%00b.ics`),
    ];
    const ids = answers.map((res) => res.headers.get('x-request-id')!);
    for (const res of answers) {
      const text = await res.text();
      expect(res.status).toBeLessThan(500);
      expect(text).not.toContain('INTERNAL_SERVER_ERROR');
      if (res.url.includes('/graphql'))
        expect(JSON.parse(text)).toMatchObject({
          errors: [{ extensions: { code: 'BAD_USER_INPUT' } }],
        });
    }
    const lines = () => output.split('\n').filter((l) => ids.some((id) => l.includes(id)));
    const completed = () => lines().filter((l) => l.includes('"res":{')).length;
    for (let i = 0; i < 200 && completed() < ids.length; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(completed()).toBe(ids.length);
    // at most the one-line request log per request: no error level, no stack
    for (const line of lines()) {
      expect((JSON.parse(line) as { level: number }).level).toBeLessThan(50);
      expect(line).not.toMatch(/"stack"|\\n\s+at /);
    }
  });

  it('keeps tokens, e-mail addresses and passwords sent in any part of a request out of the log', async () => {
    await gql({
      query:
        'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { __typename } }',
      variables: { email: EMAIL, password: PASSWORD },
    });
    await gql({ query: `{ myRegistration(manageToken: "${MANAGE_TOKEN}") { email } }` });
    await gql({
      query: 'query ($t: String!) { myRegistration(manageToken: $t) { id } }',
      variables: { t: MANAGE_TOKEN },
    });
    await gql({ query: `{ viewer { id } } # ${EMAIL}` }, { cookie: `session=${MANAGE_TOKEN}` });
    await gql({ query: `{ viewer(email: "${EMAIL}") { id }` });
    await fetch(
      `${baseUrl}/graphql?query=${encodeURIComponent('{ viewer { id } }')}&variables=${encodeURIComponent(JSON.stringify({ token: MANAGE_TOKEN, email: EMAIL }))}`,
      {
        headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${BEARER}` },
      },
    );
    await fetch(`${baseUrl}/calendar/registrations/${MANAGE_TOKEN}.ics?email=${EMAIL}`);
    await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${BEARER}` },
      body: `{"query": "{ viewer { id } }", "variables": {"email": "${EMAIL}"`,
    });
    // the server writes its log lines asynchronously: wait until all eight responses are logged
    const responses = () => output.split('\n').filter((l) => l.includes('"res":{')).length;
    for (let i = 0; i < 200 && responses() < 8; i++) await new Promise((r) => setTimeout(r, 50));

    // the requests were logged at all (debug level, one line per request)
    expect(output).toMatch(/"url":"\/calendar\/registrations\/\[redacted\]"/);
    expect(output.split('\n').filter((l) => l.includes('"req":')).length).toBeGreaterThanOrEqual(8);
    for (const secret of [
      EMAIL,
      MANAGE_TOKEN,
      BEARER,
      PASSWORD,
      'stadt-wuppertal',
      'anna.schmidt',
    ]) {
      expect(output).not.toContain(secret);
    }
  });
});
