import { expect, jest } from '@jest/globals';
import type { ParsedMail } from 'mailparser';
import type { Page } from 'playwright-core';
import { axeViolations, launchBrowser, type TestBrowser } from './browser.js';
import { createTestDatabase, dropTestDatabase } from './database.js';
import { gqlData } from './graphql.js';
import { startProcess, type RunningProcess } from './processes.js';
import { SmtpSink } from './smtp-sink.js';
import { closeAll } from './teardown.js';

// The plumbing of the organizers' console in a real Chromium: the built API process
// (production build, serving the web app) on a fresh database, an organizer account,
// optionally a second organizer and a real SMTP sink, and the steps every console
// test takes (sign in, axe). The specs say what they test; this file says how.

/**
 * A console test clicks through many pages in a real browser; on a busy two-core machine
 * one takes minutes (the default 60 s timed out there while nothing was wrong). Every
 * spec that imports this file gets this timeout per test: jest-circus reads the timeout
 * once when the file's run starts, so it is set here, when the spec imports the
 * harness, not in `startConsole` (a call from `beforeAll` comes too late and is ignored).
 */
export const CONSOLE_TEST_TIMEOUT_MS = 240_000;
jest.setTimeout(CONSOLE_TEST_TIMEOUT_MS);

/** An organizer's sign-in. */
export interface Account {
  email: string;
  password: string;
}

export interface ConsoleOptions {
  /** The organizer the API creates at start (ORGANIZER_EMAIL / ORGANIZER_PASSWORD). */
  organizer: Account;
  /** A second organizer ("Andere Stelle"), created through the API: the one kept out. */
  other?: Account;
  /** Seed the demo event (SEED_DEMO). */
  demo: boolean;
  /**
   * Start an SMTP sink and run the mail worker inside the API process, polling every
   * half second, change mails without delay. Without it the worker does not run.
   */
  mail?: boolean;
  /** Further environment of the API process; wins over the above. */
  env?: Record<string, string>;
}

/** A participant as `register` takes one. */
export interface Person {
  firstName: string;
  lastName: string;
  email: string;
  organization?: string;
}

/** The demo event, with its workshops' ids phase by phase. */
export interface DemoEvent {
  id: string;
  title: string;
  phases: string[][];
}

export interface ConsoleHarness {
  /** http://127.0.0.1:<port> of the API process, which serves the web app. */
  readonly baseUrl: string;
  readonly browser: TestBrowser;
  /** The organizer's access token. */
  readonly token: string;
  /** The SMTP sink (only with `mail: true`). */
  readonly sink: SmtpSink;
  /** One GraphQL operation; any GraphQL error fails the test. */
  gql<T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  /** An access token for `who` (the organizer by default). */
  login(who?: Account): Promise<string>;
  /** A new page in the browser (of `viewport`'s size, if given) at `path`, e.g. `/admin`. */
  open(path: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** Fills the console's sign-in form as `who` (the organizer by default) and submits it. */
  signIn(page: Page, who?: Account): Promise<void>;
  /** The demo event the API seeded (`demo: true`). */
  demoEvent(): Promise<DemoEvent>;
  /** Registers `person` through the public `register` mutation; answers its __typename. */
  register(eventId: string, person: Person, workshopIds: string[]): Promise<string>;
  /**
   * Registers each of `names` ("First Last") for `event`: person i as
   * person<i>@<domain> from "Jugendamt Düsseldorf", in workshop i (modulo) of each phase.
   */
  registerPeople(event: DemoEvent, names: string[], domain: string): Promise<void>;
  /** The next mail to `to` at the sink (waiting for it), parsed and taken off the sink. */
  nextMail(to: string): Promise<ParsedMail>;
  /** Stops browser, API, sink and drops the database; answers the API's exit code. */
  close(): Promise<number | null>;
}

const LOGIN = `mutation ($email: String!, $password: String!) {
  login(email: $email, password: $password) { ... on LoginSuccess { accessToken } } }`;

/** axe-core finds no WCAG 2.1 A/AA violation on the page in `state` (named in a failure). */
export async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  expect({ state, violations: await axeViolations(page) }).toEqual({ state, violations: [] });
}

/** Starts everything a console test needs; `close` takes it all down again. */
export async function startConsole(options: ConsoleOptions): Promise<ConsoleHarness> {
  const sink = new SmtpSink();
  let db: { name: string; url: string } | undefined;
  let api: RunningProcess | undefined;
  let browser: TestBrowser | undefined;
  // every step runs even when one before it fails (a crashed browser must not leave
  // the API process and its database behind: jest's worker could not exit)
  const close = async (): Promise<number | null> => {
    let code: number | null = null;
    await closeAll(
      () => browser?.close(),
      async () => {
        code = (await api?.stop()) ?? null;
      },
      () => sink.stop(),
      () => (db ? dropTestDatabase(db.name) : undefined),
    );
    return code;
  };
  let baseUrl = '';
  const gql = <T>(query: string, variables: Record<string, unknown> = {}, token?: string) =>
    gqlData<T>(baseUrl, query, variables, { token });
  const login = async (who: Account = options.organizer) =>
    (await gql<{ login: { accessToken: string } }>(LOGIN, { ...who })).login.accessToken;
  let token: string;
  try {
    if (options.mail) await sink.start();
    db = await createTestDatabase();
    api = await startProcess('api', {
      NODE_ENV: 'production',
      DATABASE_URL: db.url,
      SEED_DEMO: String(options.demo),
      JWT_SECRET: 'console-secret-console-secret-console-01',
      ORGANIZER_EMAIL: options.organizer.email,
      ORGANIZER_PASSWORD: options.organizer.password,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_REGISTER_PER_MINUTE: '0',
      RATE_LIMIT_LOGIN_PER_MINUTE: '0',
      ...(options.mail
        ? { SMTP_URL: sink.url, MAIL_POLL_SECONDS: '0.5', MAIL_CHANGE_DELAY_SECONDS: '0' }
        : { RUN_WORKER: 'false' }),
      ...options.env,
    });
    baseUrl = api.baseUrl;
    browser = await launchBrowser();
    token = await login();
    if (options.other) {
      await gql(
        `mutation ($email: String!, $password: String!) {
          createOrganizer(email: $email, name: "Andere Stelle", password: $password) { id } }`,
        { ...options.other },
        token,
      );
    }
  } catch (error) {
    await close();
    throw error;
  }
  const testBrowser = browser;

  const register = async (eventId: string, person: Person, workshopIds: string[]) =>
    (
      await gql<{ register: { __typename: string } }>(
        `mutation ($input: RegisterInput!) { register(input: $input) { __typename } }`,
        { input: { eventId, privacyConsent: true, participant: person, workshopIds } },
      )
    ).register.__typename;

  return {
    baseUrl,
    browser: testBrowser,
    token,
    sink,
    gql,
    login,
    register,
    open: async (path, viewport) => {
      const page = await testBrowser.context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      await page.goto(`${baseUrl}${path}`);
      return page;
    },
    signIn: async (page, who = options.organizer) => {
      await page.getByRole('textbox', { name: /^E-Mail-Adresse/ }).fill(who.email);
      await page.getByLabel(/^Passwort/).fill(who.password);
      await page.getByRole('button', { name: 'Anmelden' }).click();
    },
    demoEvent: async () => {
      const list = await gql<{
        events: { edges: Array<{ node: { id: string; title: string } }> };
      }>('{ events { edges { node { id title } } } }');
      const { id, title } = list.events.edges[0].node;
      const event = await gql<{
        event: { agenda: Array<{ workshops: Array<{ id: string }> }> };
      }>('query ($id: ID!) { event(id: $id) { agenda { workshops { id } } } }', { id });
      const phases = event.event.agenda
        .filter((item) => item.workshops.length > 0)
        .map((item) => item.workshops.map((w) => w.id));
      return { id, title, phases };
    },
    registerPeople: async (event, names, domain) => {
      for (const [i, name] of names.entries()) {
        const [firstName, lastName] = name.split(' ');
        await register(
          event.id,
          {
            firstName,
            lastName,
            email: `person${i}@${domain}`,
            organization: 'Jugendamt Düsseldorf',
          },
          event.phases.map((phase) => phase[i % phase.length]),
        );
      }
    },
    nextMail: async (to) => {
      for (;;) {
        const index = sink.received.findIndex((m) => m.to.includes(to));
        if (index >= 0) return SmtpSink.parse(sink.received.splice(index, 1)[0]);
        await sink.waitFor(sink.received.length + 1);
      }
    },
    close,
  };
}
