import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { SignJWT } from 'jose';
import { OrganizersService } from '@fachtag/organizers';
import { createOrganizer, login, LOGIN_MUTATION } from './factories/organizers.js';
import { startTestApp, TEST_ORGANIZER, type TestApp } from './harness/index.js';

type LoginData = {
  login: { __typename: string; errorCode?: string; message?: string; accessToken?: string };
};

describe('organizer accounts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('logs the configured organizer in, e-mail in any case, as an admin', async () => {
    const data = await t.data<{
      login: { accessToken: string; organizer: { email: string; isAdmin: boolean } };
    }>(LOGIN_MUTATION, { email: '  ORGA@Test.Example ', password: TEST_ORGANIZER.password });
    expect(data.login.organizer).toMatchObject({ email: TEST_ORGANIZER.email, isAdmin: true });
    const viewer = await t.data<{ viewer: { email: string } }>(
      '{ viewer { email } }',
      {},
      { token: data.login.accessToken },
    );
    expect(viewer.viewer.email).toBe(TEST_ORGANIZER.email);
  });

  it('answers a wrong password and an unknown e-mail the same way', async () => {
    const attempt = async (email: string, password: string) =>
      (await t.data<LoginData>(LOGIN_MUTATION, { email, password })).login;
    const wrong = { login: await attempt(TEST_ORGANIZER.email, 'wrong password!') };
    const unknown = { login: await attempt('nobody@nowhere.example', 'wrong password!') };
    expect(wrong.login).toEqual({
      __typename: 'InvalidCredentialsError',
      errorCode: 'INVALID_CREDENTIALS',
      message: 'E-mail or password is wrong.',
    });
    expect(unknown.login).toEqual(wrong.login);
    // the same work behind both answers (one argon2id verification with the same
    // parameters) is asserted in libs/organizers/src/password.spec.ts, not timed here
  });

  it('shows anonymous callers a null viewer and refuses invalid or expired tokens', async () => {
    expect(await t.data('{ viewer { id } }')).toEqual({ viewer: null });
    for (const authorization of ['Bearer nonsense', 'Basic abc']) {
      const res = await t.gql('{ viewer { id } }', {}, { headers: { authorization } });
      expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
    const token = await login(t);
    const viewer = await t.data<{ viewer: { id: string } }>('{ viewer { id } }', {}, { token });
    const expired = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(viewer.viewer.id)
      .setIssuer('fachtag')
      .setAudience('fachtag-organizer')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 13 * 3600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(new TextEncoder().encode(t.config.jwtSecret));
    const res = await t.gql('{ viewer { id } }', {}, { token: expired });
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets only admins create organizers, with checked input', async () => {
    const admin = await login(t);
    const other = await createOrganizer(t, admin);
    const viewer = await t.data<{ viewer: { email: string; isAdmin: boolean } }>(
      '{ viewer { email isAdmin } }',
      {},
      {
        token: other.token,
      },
    );
    expect(viewer.viewer).toEqual({ email: other.email, isAdmin: false });

    const create = `mutation($email: String!, $password: String!) {
      createOrganizer(email: $email, name: "X", password: $password) { id } }`;
    const vars = { email: 'new@orga.example', password: 'long enough password' };
    expect((await t.gql(create, vars)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(create, vars, { token: other.token })).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    for (const [bad, field] of [
      [{ email: 'not-an-email' }, 'email'],
      [{ password: 'short' }, 'password'],
      [{ email: other.email.toUpperCase() }, 'email'],
    ] as const) {
      const res = await t.gql(create, { ...vars, ...bad }, { token: admin });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: [field] });
    }
  });

  it('updates the configured password at start', async () => {
    const service = t.app.get(OrganizersService);
    const before = t.config.organizerPassword;
    t.config.organizerPassword = 'a brand new password';
    try {
      await service.onApplicationBootstrap();
      await login(t, TEST_ORGANIZER.email, 'a brand new password');
      const old = await t.data<LoginData>(LOGIN_MUTATION, {
        email: TEST_ORGANIZER.email,
        password: before,
      });
      expect(old.login.__typename).toBe('InvalidCredentialsError');
    } finally {
      t.config.organizerPassword = before;
      await service.onApplicationBootstrap();
    }
  });
});

describe('the demo organizer without ORGANIZER_PASSWORD', () => {
  let t: TestApp;
  const printed: string[] = [];
  beforeAll(async () => {
    const write = process.stdout.write.bind(process.stdout);
    const spy = jest
      .spyOn(process.stdout, 'write')
      .mockImplementation((chunk: string | Uint8Array) => {
        printed.push(String(chunk));
        return write(chunk);
      });
    try {
      t = await startTestApp({
        ORGANIZER_PASSWORD: undefined,
        ORGANIZER_EMAIL: 'demo@fachtag.test',
      });
    } finally {
      spy.mockRestore();
    }
  });
  afterAll(() => t.close());

  it('gets a generated password, kept in the data directory, printed at start', async () => {
    const file = join(t.config.dataDir, 'organizer-password');
    expect(existsSync(file)).toBe(true);
    const password = readFileSync(file, 'utf8').trim();
    expect(password.length).toBeGreaterThanOrEqual(10);
    expect(printed.join('')).toContain(`demo@fachtag.test / ${password}`);
    await login(t, 'demo@fachtag.test', password);
    // a restart keeps the same password
    await t.app.get(OrganizersService).onApplicationBootstrap();
    expect(readFileSync(file, 'utf8').trim()).toBe(password);
    await login(t, 'demo@fachtag.test', password);
  });
});
