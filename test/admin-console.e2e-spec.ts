import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { browserAvailable, scrollsHorizontally } from './harness/browser.js';
import {
  expectNoAxeViolations,
  startConsole,
  type ConsoleHarness,
  type DemoEvent,
} from './harness/console.js';

// The organizers' console in a real Chromium, against the production build served by
// the built API process, on a fresh database with the demo event. Elements are found
// by role, label and visible text, as a screen reader finds them.

const ORGANIZER = { email: 'orga@console.example', password: 'correct horse battery' };
const OTHER = { email: 'other@console.example', password: 'another good password' };

const describeBrowser = browserAvailable() ? describe : describe.skip;

describeBrowser("the organizers' console in Chromium", () => {
  let h: ConsoleHarness;
  let demo: DemoEvent;
  const people = ['Jürgen Größe', 'Änne Weiß', 'Ömer Çelik'];

  beforeAll(async () => {
    h = await startConsole({ organizer: ORGANIZER, other: OTHER, demo: true });
    demo = await h.demoEvent();
    await h.registerPeople(demo, people, 'console.example');
  }, 120_000);

  afterAll(async () => {
    expect(await h?.close()).toBe(0);
  });

  it('refuses a wrong password next to the field, then signs in and shows the events', async () => {
    const page = await h.open('/admin');
    await page.getByRole('heading', { level: 1, name: 'Anmeldung für Veranstalter' }).waitFor();
    await expectNoAxeViolations(page, 'login');

    await page.getByRole('button', { name: 'Anmelden' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Geben Sie Ihr Passwort ein.' });
    await summary.waitFor();
    await expectNoAxeViolations(page, 'login with errors');

    await h.signIn(page, { ...ORGANIZER, password: 'wrong password!' });
    await page
      .getByRole('alert')
      .filter({ hasText: 'E-Mail-Adresse oder Passwort stimmen nicht.' })
      .waitFor();
    await expect(page.getByLabel(/^Passwort/).getAttribute('aria-invalid')).resolves.toBe('true');

    await h.signIn(page);
    await page.getByRole('heading', { level: 1, name: 'Ihre Veranstaltungen' }).waitFor();
    const table = page.getByRole('table', { name: /Veranstaltungen mit Anmeldungen/ });
    const row = table.getByRole('row').filter({ hasText: demo.title });
    await expect(row.getByRole('cell').nth(2).textContent()).resolves.toMatch(/^3 von \d+$/);
    await expectNoAxeViolations(page, 'events overview');
    // the token lives in memory only
    await expect(page.evaluate<number>('window.localStorage.length')).resolves.toBe(0);
    await expect(page.evaluate<number>('window.sessionStorage.length')).resolves.toBe(0);
    await page.close();
  });

  it('shows the registrations with search, downloads the Excel list, cancels after asking', async () => {
    const page = await h.open('/admin');
    await h.signIn(page);
    await page.getByRole('link', { name: demo.title }).click();
    await page.getByRole('heading', { level: 1, name: demo.title }).waitFor();
    const registrations = page.getByRole('table', { name: 'Anmeldungen' });
    for (const name of people) {
      const [first, last] = name.split(' ');
      await registrations.getByRole('rowheader', { name: `${last}, ${first}` }).waitFor();
    }
    await expectNoAxeViolations(page, 'event desk');

    await page.getByRole('searchbox', { name: /^Suche/ }).fill('größe');
    await page.getByRole('status').filter({ hasText: '1 von 3 Anmeldungen angezeigt' }).waitFor();
    await page.getByRole('searchbox', { name: /^Suche/ }).fill('');

    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Anmeldungen (Excel)' }).click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/-anmeldungen\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(await file.path()) as unknown as ArrayBuffer);
    const names: string[] = [];
    book.worksheets[0].eachRow((row, n) => {
      if (n > 1) names.push(`${String(row.getCell(2).value)} ${String(row.getCell(1).value)}`);
    });
    expect(names.sort()).toEqual([...people].sort());

    await page.getByRole('button', { name: 'Anmeldung von Änne Weiß absagen' }).click();
    const question = page.getByRole('group', { name: 'Anmeldung von Änne Weiß wirklich absagen?' });
    await expectNoAxeViolations(page, 'cancel question');
    await question.getByRole('button', { name: 'Ja, absagen' }).click();
    await registrations
      .getByRole('row')
      .filter({ hasText: 'Weiß, Änne' })
      .getByRole('cell', { name: 'Storniert' })
      .waitFor();
    await page.close();
  });

  it('another organizer cannot open the event or download its lists', async () => {
    const page = await h.open(`/admin/e/${demo.id}`);
    await h.signIn(page, OTHER);
    await page
      .getByRole('alert')
      .filter({ hasText: 'Diese Veranstaltung gehört anderen Veranstaltern.' })
      .waitFor();
    await expect(page.getByText('Größe').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.getByText('Sie sind abgemeldet.').waitFor();
    await page.close();

    const other = await h.login(OTHER);
    const answer = await fetch(`${h.baseUrl}/exports/events/${demo.id}/registrations.csv`, {
      headers: { authorization: `Bearer ${other}` },
    });
    expect(answer.status).toBe(403);
    expect(await answer.text()).not.toContain('Größe');
  });

  it('an expired session asks to sign in again and keeps what was typed on the page', async () => {
    const page = await h.open(`/admin/e/${demo.id}`);
    await h.signIn(page);
    const search = page.getByRole('searchbox', { name: /^Suche/ });
    await search.fill('Çelik');
    await page.getByRole('status').filter({ hasText: '1 von 3 Anmeldungen angezeigt' }).waitFor();
    // from now on the server answers as it does to an expired token
    await page.route('**/graphql', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({
          errors: [{ message: 'expired', extensions: { code: 'UNAUTHENTICATED' } }],
        }),
      }),
    );
    await page.getByRole('button', { name: 'Anmeldung von Ömer Çelik absagen' }).click();
    await page.getByRole('button', { name: 'Ja, absagen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Ihre Sitzung ist abgelaufen' }).waitFor();
    await expectNoAxeViolations(page, 'login after expiry');
    await page.unroute('**/graphql');
    await h.signIn(page);
    await expect(search.inputValue()).resolves.toBe('Çelik');
    const row = page.getByRole('table', { name: 'Anmeldungen' }).getByRole('row', {
      name: /Çelik, Ömer/,
    });
    await expect(row.getByRole('cell', { name: 'Bestätigt' }).count()).resolves.toBe(1);
    await page.close();
  });

  it('builds a programme from an empty event with local times, sees the warnings, publishes after asking', async () => {
    const page = await h.open('/admin');
    await h.signIn(page);
    // a day two months from now, in the event's own calendar
    const day = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    const closes = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const create = page.getByRole('form', { name: 'Neue Veranstaltung anlegen' });
    await create.getByRole('button', { name: 'Entwurf anlegen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Geben Sie einen Titel ein.' }).waitFor();
    await expectNoAxeViolations(page, 'new event with errors');
    await create.getByRole('textbox', { name: /^Titel/ }).fill('Transferforum 2027');
    await create.getByLabel(/^Datum/).fill(day);
    await create.getByLabel(/^Beginn/).fill('09:00');
    await create.getByLabel(/^Ende/).fill('16:30');
    await create.getByLabel(/^Anmeldeschluss \(Datum\)/).fill(closes);
    await create.getByRole('textbox', { name: /^Veranstalter/ }).fill('Servicestelle West');
    await create.getByRole('textbox', { name: /^Veranstaltungsort/ }).fill('KOMED im MediaPark');
    await create.getByRole('textbox', { name: /^Ort/ }).fill('Köln');
    await create.getByRole('button', { name: 'Entwurf anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Transferforum 2027' }).waitFor();
    await page.getByText('Das Programm ist noch leer.').waitFor();

    const addItem = async (
      kind: string,
      title: string,
      from: string,
      to: string,
      speakers = '',
    ) => {
      const form = page.getByRole('form', { name: 'Programmpunkt hinzufügen' });
      await form.getByRole('combobox', { name: 'Art' }).selectOption({ label: kind });
      await form.getByRole('textbox', { name: /^Titel/ }).fill(title);
      await form.getByLabel(/^Beginn/).fill(from);
      await form.getByLabel(/^Ende/).fill(to);
      await form.getByRole('textbox', { name: /^Mitwirkende/ }).fill(speakers);
      await form.getByRole('button', { name: 'Programmpunkt hinzufügen' }).click();
      await page.getByRole('heading', { level: 3, name: new RegExp(`${title}$`) }).waitFor();
    };
    await addItem('Begrüßung', 'Begrüßung', '09:30', '10:00', 'Dr. Ute Süß, Stadt Essen');
    await addItem('Workshopphase', 'Arbeitsphase I', '11:00', '12:30');
    // a phase without workshops makes registration impossible: the API's warning is shown
    const warnings = page.getByRole('alert').or(page.locator('.kern-alert')).filter({
      hasText: 'Hinweise zum Programm',
    });
    await warnings.first().waitFor();
    await expectNoAxeViolations(page, 'agenda editor with a warning');

    for (const [title, seats] of [
      ['Bildung vor Ort', '25'],
      ['Sprachmittlung', '20'],
    ]) {
      const form = page.getByRole('form', { name: 'Workshop in „Arbeitsphase I“ hinzufügen' });
      await form.getByRole('textbox', { name: /^Titel des Workshops/ }).fill(title);
      await form.getByRole('textbox', { name: /^Plätze/ }).fill(seats);
      await form.getByRole('button', { name: 'Workshop hinzufügen' }).click();
      await page.getByText(new RegExp(`Workshop \\d+: ${title}`)).waitFor();
    }

    await page.getByRole('button', { name: 'Veröffentlichen …' }).click();
    const confirm = page.getByRole('group', { name: 'Veranstaltung jetzt veröffentlichen?' });
    await confirm.waitFor();
    await expectNoAxeViolations(page, 'publish question');
    await confirm.getByRole('button', { name: 'Jetzt veröffentlichen' }).click();
    await page.getByText(/^Veröffentlicht ·/).waitFor();

    // the server stored the local times of the event's day, with its zone's offset
    const list = await h.gql<{
      events: {
        edges: Array<{
          node: {
            title: string;
            status: string;
            agenda: Array<{
              title: string;
              startsAt: string;
              speakers: Array<{ name: string; affiliation: string }>;
            }>;
          };
        }>;
      };
    }>(
      '{ events(first: 50) { edges { node { title status agenda { title startsAt speakers { name affiliation } } } } } }',
    );
    const created = list.events.edges.find((e) => e.node.title === 'Transferforum 2027')?.node;
    expect(created?.status).toBe('PUBLISHED');
    const welcome = created?.agenda.find((i) => i.title === 'Begrüßung');
    const shown = new Intl.DateTimeFormat('de-DE', {
      timeZone: 'Europe/Berlin',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(welcome?.startsAt ?? 0));
    expect(shown).toBe('09:30');
    expect(welcome?.speakers).toEqual([{ name: 'Dr. Ute Süß', affiliation: 'Stadt Essen' }]);
    await page.close();
  });

  it('works at 320 px without sideways scrolling of the page', async () => {
    const page = await h.open('/admin', { width: 320, height: 800 });
    await h.signIn(page);
    await page.getByRole('heading', { level: 1, name: 'Ihre Veranstaltungen' }).waitFor();
    await expect(scrollsHorizontally(page)).resolves.toBe(false);
    await page.getByRole('link', { name: demo.title }).click();
    await page.getByRole('heading', { level: 1, name: demo.title }).waitFor();
    await expect(scrollsHorizontally(page)).resolves.toBe(false);
    await page.close();
  });
});
