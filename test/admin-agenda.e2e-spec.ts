import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import {
  createTestDatabase,
  dropTestDatabase,
  gqlData,
  SmtpSink,
  startProcess,
  type RunningProcess,
} from './harness/index.js';
import {
  axeViolations,
  browserAvailable,
  launchBrowser,
  type TestBrowser,
} from './harness/browser.js';

// The console's agenda editor edits items and workshops in place (issue 13): the
// keynote's title, speaker affiliation and time, a workshop's room and seats, as an
// organizer does it in Chromium against the built API process with the demo event;
// the changes hold after a reload and reach the public event page; seats below the
// seats taken are refused in the organizer's words, in German and English.

const ORGANIZER = { email: 'orga@agenda.example', password: 'correct horse battery' };
const KEYNOTE =
  'Keynote „Integration durch Kooperation: Herausforderungen und Handlungsmöglichkeiten“';
const NEW_TITLE = 'Keynote „Kommunen als Motor der Integration“';
const AFFILIATION = 'Ruhr-Universität Bochum, Lehrstuhl für Verwaltungswissenschaft';

const available = browserAvailable();
const describeBrowser = available ? describe : describe.skip;

describeBrowser("the console's agenda editor edits in place in Chromium", () => {
  const sink = new SmtpSink();
  let db: { name: string; url: string };
  let api: RunningProcess;
  let chromium: TestBrowser;
  let demo: { id: string; slug: string };
  let workshop: { id: string; number: number; title: string };
  const base = () => api.baseUrl;
  const gql = <T>(query: string, variables: Record<string, unknown> = {}) =>
    gqlData<T>(base(), query, variables);

  const expectNoAxeViolations = async (page: Page, state: string) => {
    expect({ state, violations: await axeViolations(page) }).toEqual({ state, violations: [] });
  };
  const signIn = async (page: Page) => {
    await page.getByRole('textbox', { name: /^E-Mail-Adresse/ }).fill(ORGANIZER.email);
    await page.getByLabel(/^Passwort/).fill(ORGANIZER.password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
  };
  /** The accessible text of the focused element (the test's tsconfig has no DOM: a string runs in the page). */
  const focused = (page: Page) =>
    page.evaluate<string>(
      `(() => { const e = document.activeElement; return e ? e.tagName + ' ' + e.textContent : ''; })()`,
    );
  const openDesk = async (page: Page) => {
    await page.goto(`${base()}/admin/e/${demo.id}`);
    await signIn(page);
    await page.getByRole('heading', { level: 2, name: 'Programm' }).waitFor();
  };

  beforeAll(async () => {
    await sink.start();
    db = await createTestDatabase();
    api = await startProcess('api', {
      NODE_ENV: 'production',
      DATABASE_URL: db.url,
      SMTP_URL: sink.url,
      SEED_DEMO: 'true',
      JWT_SECRET: 'agenda-secret-agenda-secret-agenda-0123',
      ORGANIZER_EMAIL: ORGANIZER.email,
      ORGANIZER_PASSWORD: ORGANIZER.password,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_REGISTER_PER_MINUTE: '0',
      RATE_LIMIT_LOGIN_PER_MINUTE: '0',
    });
    chromium = await launchBrowser();
    const list = await gql<{ events: { edges: Array<{ node: { id: string; slug: string } }> } }>(
      '{ events { edges { node { id slug } } } }',
    );
    demo = list.events.edges[0].node;
    const event = await gql<{
      event: {
        agenda: Array<{ workshops: Array<{ id: string; number: number; title: string }> }>;
      };
    }>('query ($id: ID!) { event(id: $id) { agenda { workshops { id number title } } } }', {
      id: demo.id,
    });
    const phases = event.event.agenda.filter((item) => item.workshops.length > 0);
    workshop = phases[0].workshops[0];
    // two people in the first workshop of each phase: its seats cannot go below 2
    for (const [firstName, email] of [
      ['Jürgen', 'juergen@agenda.example'],
      ['Änne', 'aenne@agenda.example'],
    ]) {
      await gql(`mutation ($input: RegisterInput!) { register(input: $input) { __typename } }`, {
        input: {
          eventId: demo.id,
          privacyConsent: true,
          participant: { firstName, lastName: 'Größe', email, organization: 'Stadt Essen' },
          workshopIds: phases.map((p) => p.workshops[0].id),
        },
      });
    }
  }, 120_000);

  afterAll(async () => {
    await chromium?.close();
    const code = await api?.stop();
    await sink.stop();
    if (db) await dropTestDatabase(db.name);
    expect(code).toBe(0);
  });

  it("edits the keynote's title, speaker affiliation and time in the add form, filled in", async () => {
    const page = await chromium.context.newPage();
    await openDesk(page);
    const edit = page.getByRole('button', { name: `„${KEYNOTE}“ bearbeiten` });
    await edit.click();
    const form = page.getByRole('form', { name: `Programmpunkt „${KEYNOTE}“ bearbeiten` });
    await expect(focused(page)).resolves.toBe(`H4 Programmpunkt „${KEYNOTE}“ bearbeiten`);
    // the fields of the add form, filled in; times are local times of the event's zone
    await expect(form.getByRole('combobox', { name: 'Art' }).inputValue()).resolves.toBe('KEYNOTE');
    await expect(form.getByRole('textbox', { name: /^Titel/ }).inputValue()).resolves.toBe(KEYNOTE);
    await expect(form.getByLabel(/^Beginn \(Ortszeit Europe\/Berlin\)/).inputValue()).resolves.toBe(
      '10:10',
    );
    await expect(form.getByLabel(/^Ende/).inputValue()).resolves.toBe('11:15');
    await expect(form.getByRole('textbox', { name: /^Raum/ }).inputValue()).resolves.toBe(
      'Plenarsaal',
    );
    await expect(form.getByRole('textbox', { name: /^Mitwirkende/ }).inputValue()).resolves.toBe(
      'Prof. Dr. Jörg Bogumil, Ruhr-Universität Bochum',
    );
    await expectNoAxeViolations(page, 'editing an agenda item');

    // cancelling drops the changes and returns to the button
    await form.getByRole('textbox', { name: /^Titel/ }).fill('Wird verworfen');
    await form.getByRole('button', { name: 'Abbrechen' }).click();
    await expect(focused(page)).resolves.toBe(`BUTTON „${KEYNOTE}“ bearbeiten`);
    await page
      .getByRole('heading', { level: 3, name: `10:10–11:15 Uhr · Vortrag: ${KEYNOTE}` })
      .waitFor();

    // overlapping the welcome: the API's refusal, at the start, in the organizer's words
    await edit.click();
    await form.getByLabel(/^Beginn/).fill('10:00');
    await form.getByRole('button', { name: 'Änderungen speichern' }).click();
    const summary = form.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Angaben' });
    const overlap =
      'Dieser Programmpunkt überschneidet sich mit „Begrüßung“. Programmpunkte folgen aufeinander; parallele Angebote sind Workshops einer Workshop-Phase.';
    await summary.getByRole('link', { name: overlap }).waitFor();
    // at the field too: the start's inline error, tied to it by aria-describedby
    await expect(form.getByLabel(/^Beginn/).getAttribute('aria-describedby')).resolves.toMatch(
      /-start-error$/,
    );
    await expect(form.getByText(overlap, { exact: true }).count()).resolves.toBe(2);
    await expectNoAxeViolations(page, 'agenda item refused by the API');

    await form.getByRole('textbox', { name: /^Titel/ }).fill(NEW_TITLE);
    await form.getByLabel(/^Beginn/).fill('10:15');
    await form
      .getByRole('textbox', { name: /^Mitwirkende/ })
      .fill(`Prof. Dr. Jörg Bogumil, ${AFFILIATION}`);
    await form.getByRole('button', { name: 'Änderungen speichern' }).click();
    const heading = page.getByRole('heading', {
      level: 3,
      name: `10:15–11:15 Uhr · Vortrag: ${NEW_TITLE}`,
    });
    await heading.waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: 'Die Änderungen sind gespeichert.' })
      .waitFor();
    await expect(focused(page)).resolves.toBe(`H3 10:15–11:15 Uhr · Vortrag: ${NEW_TITLE}`);
    await page.getByText(`Prof. Dr. Jörg Bogumil (${AFFILIATION})`).waitFor();
    await expectNoAxeViolations(page, 'agenda item saved');

    // a reload signs out (the session lives in the tab); signed in again, the change is there
    await page.reload();
    await signIn(page);
    await heading.waitFor();
    await page.getByText(`Prof. Dr. Jörg Bogumil (${AFFILIATION})`).waitFor();
    await page.close();
  });

  it("edits a workshop's room and seats; seats below the seats taken are refused in the organizer's words", async () => {
    const page = await chromium.context.newPage();
    await openDesk(page);
    const warnings = page.locator('.kern-alert').filter({ hasText: 'Hinweise zum Programm' });
    await expect(warnings.count()).resolves.toBe(0);
    const edit = page.getByRole('button', { name: `Workshop ${workshop.number} bearbeiten` });
    await edit.click();
    const form = page.getByRole('form', { name: `Workshop ${workshop.number} bearbeiten` });
    await expect(focused(page)).resolves.toBe(`H4 Workshop ${workshop.number} bearbeiten`);
    await expect(form.getByRole('textbox', { name: /^Nummer/ }).inputValue()).resolves.toBe(
      String(workshop.number),
    );
    await expect(
      form.getByRole('textbox', { name: /^Titel des Workshops/ }).inputValue(),
    ).resolves.toBe(workshop.title);
    await expect(form.getByRole('textbox', { name: /^Plätze/ }).inputValue()).resolves.toBe('30');
    await expect(form.getByRole('textbox', { name: /^Raum/ }).inputValue()).resolves.toBe(
      'Workshopraum 1',
    );
    await expectNoAxeViolations(page, 'editing a workshop');

    // two people chose it: one seat is refused, with the API's numbers
    await form.getByRole('textbox', { name: /^Plätze/ }).fill('1');
    await form.getByRole('button', { name: 'Änderungen speichern' }).click();
    const below =
      'Weniger als 2 Plätze geht nicht: 2 Plätze sind schon vergeben. Geben Sie mindestens 2 ein.';
    await form.getByRole('alert').getByRole('link', { name: below }).waitFor();
    await expect(focused(page)).resolves.toMatch(/^DIV Bitte prüfen Sie Ihre Angaben/);
    await expect(
      form.getByRole('textbox', { name: /^Plätze/ }).getAttribute('aria-invalid'),
    ).resolves.toBe('true');
    await expectNoAxeViolations(page, 'workshop seats refused');

    // the same in English
    await page.getByRole('button', { name: 'Switch to English' }).click();
    const english = page.getByRole('form', { name: `Edit workshop ${workshop.number}` });
    await english.getByRole('button', { name: 'Save changes' }).click();
    await english
      .getByRole('alert')
      .getByRole('link', {
        name: 'Fewer than 2 seats is not possible: 2 seats are taken already. Enter at least 2.',
      })
      .waitFor();
    await page.getByRole('button', { name: 'Auf Deutsch anzeigen' }).click();

    // 25 seats and another room: saved; the phase now has fewer seats than the event
    await form.getByRole('textbox', { name: /^Plätze/ }).fill('25');
    await form.getByRole('textbox', { name: /^Raum/ }).fill('Raum 2.14');
    await form.getByRole('button', { name: 'Änderungen speichern' }).click();
    const line = page.getByText(
      new RegExp(`^Workshop ${workshop.number}: .* · 25 Plätze · Raum 2\\.14`),
    );
    await line.waitFor();
    await expect(focused(page)).resolves.toBe(`BUTTON Workshop ${workshop.number} bearbeiten`);
    await warnings
      .filter({ hasText: "Die Workshops von 'Arbeitsphase I' haben zusammen 145 Plätze" })
      .waitFor();
    await expectNoAxeViolations(page, 'workshop saved');

    await page.reload();
    await signIn(page);
    await line.waitFor();
    await page.close();
  });

  it('shows the changes on the public event page', async () => {
    const page = await chromium.context.newPage();
    await page.goto(`${base()}/e/${demo.slug}`);
    const keynote = page.getByRole('listitem').filter({
      has: page.getByRole('heading', { level: 3, name: NEW_TITLE }),
    });
    await keynote.getByText('10:15–11:15 Uhr').waitFor();
    await keynote.getByText(`(${AFFILIATION})`).waitFor();
    const card = page.getByRole('listitem').filter({
      has: page.getByRole('heading', {
        level: 4,
        name: `Workshop ${workshop.number}: ${workshop.title}`,
      }),
    });
    await card.getByText('Raum: Raum 2.14').waitFor();
    await card.getByText('noch 23 von 25 Plätzen frei').waitFor();
    await page.close();
  });
});
