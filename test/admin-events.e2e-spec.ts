import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { gqlRequest } from './harness/index.js';
import { browserAvailable } from './harness/browser.js';
import {
  expectNoAxeViolations,
  startConsole,
  type ConsoleHarness,
  type DemoEvent,
} from './harness/console.js';

// The console's event editor, copy, unpublish, cancel with a reason, the overview
// with drafts, upcoming and past events, and the account pages (issue 13), in
// Chromium against the built API process with the demo event and a real mail worker.

const ORGANIZER = { email: 'orga@events.example', password: 'correct horse battery' };
const OTHER = { email: 'other@events.example', password: 'another good password' };

const describeBrowser = browserAvailable() ? describe : describe.skip;

describeBrowser("the console's event and account pages in Chromium", () => {
  let h: ConsoleHarness;
  let demo: DemoEvent;
  const LOGIN = `mutation ($email: String!, $password: String!) {
    login(email: $email, password: $password) { __typename ... on LoginSuccess { accessToken } } }`;

  beforeAll(async () => {
    h = await startConsole({ organizer: ORGANIZER, other: OTHER, demo: true, mail: true });
    demo = await h.demoEvent();
    await h.register(
      demo.id,
      {
        firstName: 'Jürgen',
        lastName: 'Größe',
        email: 'juergen@events.example',
        organization: 'Jugendamt Düsseldorf',
      },
      demo.phases.map((phase) => phase[0]),
    );
    // a past event of this organizer: the overview lists it under "Vergangen"
    const day = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
    const past = await h.gql<{ createEvent: { id: string } }>(
      `mutation ($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
      {
        input: {
          title: 'Fachtag vom letzten Jahr',
          startsAt: `${day}T08:00:00Z`,
          endsAt: `${day}T15:00:00Z`,
          registrationClosesAt: `${day}T06:00:00Z`,
          organizerName: 'Stadt Köln',
        },
      },
      h.token,
    );
    await h.gql(
      'mutation ($id: ID!) { publishEvent(id: $id) { id } }',
      { id: past.createEvent.id },
      h.token,
    );
    // the confirmation mail, so that later mails to this address are the ones asked for
    await h.nextMail('juergen@events.example');
  }, 120_000);

  afterAll(async () => {
    expect(await h?.close()).toBe(0);
  });

  it('shows upcoming, draft and past events with their numbers', async () => {
    const page = await h.open('/admin');
    await h.signIn(page);
    await page.getByRole('heading', { level: 2, name: 'Bevorstehend (1)' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Entwürfe (0)' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Vergangen (1)' }).waitFor();
    const upcoming = page.getByRole('table', { name: /^Veranstaltungen mit Anmeldungen/ });
    const row = upcoming.getByRole('row').filter({ hasText: demo.title });
    // seats, waiting list, registrations
    await expect(row.getByRole('cell').nth(2).textContent()).resolves.toMatch(/^1 von \d+$/);
    await expect(row.getByRole('cell').nth(4).textContent()).resolves.toBe('1');
    await page
      .getByRole('table', { name: 'Vergangene Veranstaltungen mit Anmeldungen' })
      .getByRole('rowheader', { name: 'Fachtag vom letzten Jahr' })
      .waitFor();
    await expectNoAxeViolations(page, 'overview with past events');
    await page.close();
  });

  it('edits the event in local times, refuses to unpublish it, cancels it with a reason the mail carries', async () => {
    const page = await h.open('/admin');
    await h.signIn(page);
    await page
      .getByRole('row')
      .filter({ hasText: demo.title })
      .getByRole('link', { name: 'Bearbeiten' })
      .click();
    await page.getByRole('heading', { level: 1, name: `„${demo.title}“ bearbeiten` }).waitFor();
    const startTime = page.getByLabel(/^Beginn \(Uhrzeit\)/);
    const before = await startTime.inputValue();
    expect(before).toMatch(/^\d{2}:\d{2}$/);
    await expectNoAxeViolations(page, 'event editor');

    // a subtitle; the start stays as it was (the programme starts at the event's start)
    await page.getByLabel(/^Untertitel/).fill('Ein Tag für die Praxis – mit Übersetzung');
    await page.getByLabel(/^Hinweis „wird knapp“/).fill('0');
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Angaben' });
    await summary
      .getByRole('link', { name: 'Geben Sie eine ganze Zahl von 1 bis 100 ein.' })
      .waitFor();
    await expectNoAxeViolations(page, 'event editor with an error');
    await page.getByLabel(/^Hinweis „wird knapp“/).fill('75');
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Die Änderungen sind gespeichert.' })
      .waitFor();
    const saved = await h.gql<{ event: { subtitle: string; capacityWarningThreshold: number } }>(
      'query ($id: ID!) { event(id: $id) { subtitle capacityWarningThreshold } }',
      { id: demo.id },
    );
    expect(saved.event).toEqual({
      subtitle: 'Ein Tag für die Praxis – mit Übersetzung',
      capacityWarningThreshold: 0.75,
    });
    await expect(startTime.inputValue()).resolves.toBe(before);

    // somebody is registered: unpublishing is refused with the server's German reason
    await page.getByRole('button', { name: 'Zurück zum Entwurf …' }).click();
    await page.getByRole('button', { name: 'Ja, zum Entwurf machen' }).click();
    await page.getByRole('alert').filter({ hasText: '1 Person ist angemeldet' }).waitFor();

    // cancelling asks for a reason, then asks again
    await page.getByRole('button', { name: 'Absagen …' }).click();
    await page
      .getByRole('alert')
      .getByRole('link', { name: /Geben Sie eine Begründung ein/ })
      .waitFor();
    await page
      .getByLabel(/^Begründung für die Teilnehmenden/)
      .fill('Der Saal ist wegen eines Wasserschadens gesperrt.');
    await page.getByRole('button', { name: 'Absagen …' }).click();
    const question = page.getByRole('group', { name: `„${demo.title}“ wirklich absagen?` });
    await question
      .getByText('1 angemeldete Person bekommt eine E-Mail mit der Begründung.')
      .waitFor();
    await expectNoAxeViolations(page, 'cancel question');
    await question.getByRole('button', { name: 'Ja, Veranstaltung absagen' }).click();
    await page.getByText('Diese Veranstaltung ist abgesagt').waitFor();
    await page.getByText('Begründung: Der Saal ist wegen eines Wasserschadens gesperrt.').waitFor();
    const mail = await h.nextMail('juergen@events.example');
    expect(mail.subject).toMatch(/^Abgesagt: /);
    expect(mail.text).toContain('Begründung: Der Saal ist wegen eines Wasserschadens gesperrt.');

    // cancelled: only texts stay editable
    await expect(startTime.isDisabled()).resolves.toBe(true);
    await expect(page.getByLabel(/^Titel/).isDisabled()).resolves.toBe(false);
    await expectNoAxeViolations(page, 'cancelled event editor');
    await page.close();
  });

  it('copies the event to a new day as a draft with its programme at the same local times', async () => {
    const page = await h.open(`/admin/e/${demo.id}/bearbeiten`);
    await h.signIn(page);
    const startTime = await page.getByLabel(/^Beginn \(Uhrzeit\)/).inputValue();
    const source = await h.gql<{ event: { agenda: Array<{ title: string }> } }>(
      'query ($id: ID!) { event(id: $id) { agenda { title } } }',
      { id: demo.id },
      h.token,
    );
    // a Tuesday about a year ahead, found from the clock
    const day = new Date(Date.now() + 380 * 86_400_000);
    day.setUTCDate(day.getUTCDate() + ((9 - day.getUTCDay()) % 7));
    const date = day.toISOString().slice(0, 10);
    await page.getByLabel(/^Datum der neuen Veranstaltung/).fill(date);
    await page.getByRole('button', { name: 'Kopie anlegen' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Kopie von „${demo.title}“ angelegt` })
      .waitFor();
    await expect(page.getByLabel(/^Beginn \(Datum\)/).inputValue()).resolves.toBe(date);
    await expect(page.getByLabel(/^Beginn \(Uhrzeit\)/).inputValue()).resolves.toBe(startTime);
    await page.getByText(/^Entwurf · 0 Anmeldungen$/).waitFor();
    await expectNoAxeViolations(page, 'copy created');
    const copyId = /\/admin\/e\/([^/]+)\/bearbeiten$/.exec(page.url())?.[1];
    const copy = await h.gql<{ event: { status: string; agenda: Array<{ title: string }> } }>(
      'query ($id: ID!) { event(id: $id) { status agenda { title } } }',
      { id: copyId },
      h.token,
    );
    expect(copy.event.status).toBe('DRAFT');
    expect(copy.event.agenda.map((i) => i.title)).toEqual(source.event.agenda.map((i) => i.title));

    // published by mistake, nobody registered: back to a draft
    await h.gql('mutation ($id: ID!) { publishEvent(id: $id) { id } }', { id: copyId }, h.token);
    await page.reload();
    await h.signIn(page);
    await page.getByRole('button', { name: 'Zurück zum Entwurf …' }).click();
    await page.getByRole('button', { name: 'Ja, zum Entwurf machen' }).click();
    await page.getByText(/^Entwurf · 0 Anmeldungen$/).waitFor();
    await page.close();
  });

  it('changes the own password, creates and deactivates an organizer, whose token stops working', async () => {
    const other = await h.login(OTHER);
    const page = await h.open('/admin');
    await h.signIn(page);
    await page.getByRole('link', { name: 'Ihr Konto' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ihr Konto' }).waitFor();
    await expectNoAxeViolations(page, 'account page');

    await page.getByLabel(/^Aktuelles Passwort/).fill('not my password');
    await page.getByLabel(/^Neues Passwort \(/).fill('ein ganz neues Passwort');
    await page.getByLabel(/^Neues Passwort wiederholen/).fill('ein ganz neues Passwort');
    await page.getByRole('button', { name: 'Passwort ändern' }).click();
    await page
      .getByRole('alert')
      .getByRole('link', { name: 'Das aktuelle Passwort stimmt nicht.' })
      .waitFor();
    await expectNoAxeViolations(page, 'account page with an error');
    await page.getByLabel(/^Aktuelles Passwort/).fill(ORGANIZER.password);
    await page.getByRole('button', { name: 'Passwort ändern' }).click();
    await page.getByRole('status').filter({ hasText: 'Ihr Passwort ist geändert.' }).waitFor();
    const relogin = await h.gql<{ login: { __typename: string } }>(LOGIN, {
      email: ORGANIZER.email,
      password: 'ein ganz neues Passwort',
    });
    expect(relogin.login.__typename).toBe('LoginSuccess');

    await page.getByLabel(/^Name/).fill('Dörte Nußbaum');
    await page.getByRole('textbox', { name: /^E-Mail-Adresse/ }).fill('doerte@events.example');
    await page.getByLabel(/^Erstes Passwort/).fill('noch ein gutes Passwort');
    await page.getByRole('button', { name: 'Konto anlegen' }).click();
    const accounts = page.getByRole('table', { name: 'Alle Veranstalterkonten' });
    await accounts.getByRole('rowheader', { name: 'Dörte Nußbaum' }).waitFor();
    // nobody deactivates themselves: no button in the own row
    await expect(
      accounts.getByRole('row').filter({ hasText: ORGANIZER.email }).getByRole('button').count(),
    ).resolves.toBe(0);

    await page.getByRole('button', { name: 'Konto von Andere Stelle deaktivieren' }).click();
    await accounts
      .getByRole('row')
      .filter({ hasText: OTHER.email })
      .getByRole('cell', { name: 'deaktiviert' })
      .waitFor();
    await expectNoAxeViolations(page, 'organizers after deactivation');
    const stale = await gqlRequest(h.baseUrl, '{ viewer { id } }', {}, { token: other });
    expect(stale.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect((await h.gql<{ login: { __typename: string } }>(LOGIN, OTHER)).login.__typename).toBe(
      'InvalidCredentialsError',
    );
    await page.close();
  });

  it('reflows at 320 px without horizontal scrolling on the editor', async () => {
    const page = await h.open(`/admin/e/${demo.id}/bearbeiten`, { width: 320, height: 800 });
    // the password the previous test changed to
    await h.signIn(page, { ...ORGANIZER, password: 'ein ganz neues Passwort' });
    await page.getByRole('heading', { level: 1, name: `„${demo.title}“ bearbeiten` }).waitFor();
    await expect(
      page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth'),
    ).resolves.toBe(false);
    await page.close();
  });
});
