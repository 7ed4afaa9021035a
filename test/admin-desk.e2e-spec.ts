import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import {
  createTestDatabase,
  dropTestDatabase,
  gqlData,
  startProcess,
  type RunningProcess,
} from './harness/index.js';
import {
  axeViolations,
  browserAvailable,
  launchBrowser,
  type TestBrowser,
} from './harness/browser.js';

// The registrations desk of the console (issue 13) in a real Chromium, against the
// production build served by the built API process, on a fresh database with the demo
// event: moving a participant and cancelling with a reason. Elements are found by
// role, label and visible text; axe checks every new state.

const ORGANIZER = { email: 'orga@console.example', password: 'correct horse battery' };
const OTHER = { email: 'other@console.example', password: 'another good password' };

const available = browserAvailable();
const describeBrowser = available ? describe : describe.skip;

describeBrowser('the registrations desk in Chromium', () => {
  let db: { name: string; url: string };
  let api: RunningProcess;
  let chromium: TestBrowser;
  let token: string;
  let demo: { id: string; title: string };
  const people = ['Jürgen Größe', 'Änne Weiß', 'Ömer Çelik'];

  const base = () => api.baseUrl;
  const gql = <T>(query: string, variables: Record<string, unknown> = {}, auth?: string) =>
    gqlData<T>(base(), query, variables, { token: auth });

  const expectNoAxeViolations = async (page: Page, state: string) => {
    expect({ state, violations: await axeViolations(page) }).toEqual({ state, violations: [] });
  };

  const signIn = async (page: Page, who = ORGANIZER) => {
    await page.getByRole('textbox', { name: /^E-Mail-Adresse/ }).fill(who.email);
    await page.getByLabel(/^Passwort/).fill(who.password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startProcess('api', {
      NODE_ENV: 'production',
      DATABASE_URL: db.url,
      SEED_DEMO: 'true',
      JWT_SECRET: 'console-secret-console-secret-console-01',
      ORGANIZER_EMAIL: ORGANIZER.email,
      ORGANIZER_PASSWORD: ORGANIZER.password,
      LOG_LEVEL: 'warn',
      RUN_WORKER: 'false',
      RATE_LIMIT_REGISTER_PER_MINUTE: '0',
      RATE_LIMIT_LOGIN_PER_MINUTE: '0',
    });
    chromium = await launchBrowser();
    token = (
      await gql<{ login: { accessToken: string } }>(
        `mutation ($email: String!, $password: String!) {
          login(email: $email, password: $password) { ... on LoginSuccess { accessToken } } }`,
        ORGANIZER,
      )
    ).login.accessToken;
    await gql(
      `mutation ($email: String!, $password: String!) {
        createOrganizer(email: $email, name: "Andere Stelle", password: $password) { id } }`,
      OTHER,
      token,
    );
    const list = await gql<{
      events: { edges: Array<{ node: { id: string; title: string } }> };
    }>('{ events { edges { node { id title } } } }');
    demo = list.events.edges[0].node;
    const event = await gql<{
      event: { agenda: Array<{ workshops: Array<{ id: string }> }> };
    }>('query ($id: ID!) { event(id: $id) { agenda { workshops { id } } } }', { id: demo.id });
    const phases = event.event.agenda.filter((item) => item.workshops.length > 0);
    for (const [i, name] of people.entries()) {
      const [firstName, lastName] = name.split(' ');
      await gql(`mutation ($input: RegisterInput!) { register(input: $input) { __typename } }`, {
        input: {
          eventId: demo.id,
          privacyConsent: true,
          participant: {
            firstName,
            lastName,
            email: `person${i}@console.example`,
            organization: 'Jugendamt Düsseldorf',
          },
          workshopIds: phases.map((p) => p.workshops[i % p.workshops.length].id),
        },
      });
    }
  }, 120_000);

  afterAll(async () => {
    await chromium?.close();
    const code = await api?.stop();
    if (db) await dropTestDatabase(db.name);
    expect(code).toBe(0);
  });

  it('moves a participant after asking, then cancels another with a reason', async () => {
    const page = await chromium.context.newPage();
    await page.goto(`${base()}/admin/e/${demo.id}`);
    await signIn(page);
    await page.getByRole('heading', { level: 1, name: demo.title }).waitFor();
    const registrations = page.getByRole('table', { name: 'Anmeldungen' });
    const row = (name: string) => registrations.getByRole('row').filter({ hasText: name });

    await page
      .getByRole('button', { name: 'Änne Weiß in einen anderen Workshop umbuchen' })
      .click();
    const question = page.getByRole('group', { name: 'Änne Weiß umbuchen' });
    const target = question.getByRole('combobox', { name: 'Neuer Workshop' });
    await expectNoAxeViolations(page, 'move question');
    // the first offered workshop the person does not hold: its number is in the option text
    const label = (await target.locator('option').first().textContent()) ?? '';
    const number = /^Workshop (\d+):/.exec(label)?.[1];
    expect(number).toBeDefined();
    await question.getByRole('button', { name: 'Umbuchen und Mail senden' }).click();
    await question.waitFor({ state: 'detached' });
    await row('Weiß, Änne')
      .getByRole('cell')
      .filter({ hasText: new RegExp(`(^|, )${number}(,|$)`) })
      .waitFor();

    await page.getByRole('button', { name: 'Anmeldung von Jürgen Größe absagen' }).click();
    const cancel = page.getByRole('group', {
      name: 'Anmeldung von Jürgen Größe wirklich absagen?',
    });
    const reason = 'Doppelt angemeldet – bitte bei Fragen melden.';
    await cancel.getByRole('textbox', { name: /^Begründung/ }).fill(reason);
    await expectNoAxeViolations(page, 'cancel question with a reason');
    await cancel.getByRole('button', { name: 'Ja, absagen' }).click();
    await row('Größe, Jürgen').getByRole('cell', { name: 'Storniert' }).waitFor();
    await expectNoAxeViolations(page, 'desk after move and cancel');

    // the detail with all data and the history; sending the current mail again
    await page.getByRole('button', { name: 'Details zu Änne Weiß' }).click();
    const detail = page.getByRole('region', { name: /^Anmeldung von Änne Weiß/ });
    await detail
      .getByRole('listitem')
      .filter({ hasText: /Umgebucht durch / })
      .waitFor();
    await detail.getByText('Jugendamt Düsseldorf').waitFor();
    await expectNoAxeViolations(page, 'registration detail');
    await detail.getByRole('button', { name: 'Aktuelle Mail erneut senden' }).click();
    await detail
      .getByRole('listitem')
      .filter({ hasText: /Mail erneut gesendet durch / })
      .waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: 'Die Mail mit einem neuen Link ist unterwegs' })
      .waitFor();
    await expectNoAxeViolations(page, 'registration detail after resending');

    // the server kept who did what, and the reason
    const list = await gql<{
      registrations: { edges: Array<{ node: { id: string; lastName: string } }> };
    }>(
      'query ($id: ID!) { registrations(eventId: $id) { edges { node { id lastName } } } }',
      { id: demo.id },
      token,
    );
    const id = (last: string) =>
      list.registrations.edges.find((e) => e.node.lastName === last)!.node.id;
    const history = async (registrationId: string) =>
      (
        await gql<{ registration: { history: Array<{ kind: string; reason: string | null }> } }>(
          'query ($id: ID!) { registration(id: $id) { history { kind reason } } }',
          { id: registrationId },
          token,
        )
      ).registration.history.map((h) => [h.kind, h.reason]);
    expect(await history(id('Weiß'))).toContainEqual(['MOVED', null]);
    expect(await history(id('Größe'))).toContainEqual(['CANCELLED', reason]);
    await page.close();
  });
});
