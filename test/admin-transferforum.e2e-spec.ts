import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { browserAvailable } from './harness/browser.js';
import { expectNoAxeViolations, startConsole, type ConsoleHarness } from './harness/console.js';

// Issue 13, "Done when", first bullet: the Transferforum 2018 programme
// (/work/shared/seeds: arrival, welcome, keynote, two phases of five workshops,
// closing) built from an empty event through the console, the warning of a too
// small phase seen and fixed, published, two participants registered through the
// public pages, one cancelled, the lists exported and read back with independent
// parsers, axe on every console page, and another organizer kept out.

const ORGANIZER = { email: 'orga@transfer.example', password: 'correct horse battery' };
const OTHER = { email: 'other@transfer.example', password: 'another good password' };
const TITLE = 'Transferforum: Wie Zusammenarbeit in der Kommune Integration ermöglicht';

const PHASES = [
  {
    title: 'Arbeitsphase I: Praxisbeispiele und Erfahrungsaustausch',
    from: '11:30',
    to: '13:00',
    workshops: [
      ['Kommunale Angebote unter einem Dach', 'Jürgen Lemmer, Stadt Wuppertal'],
      ['Ein kreisweites Integrationskonzept', 'Anja Boßert, Kreis Recklinghausen'],
      ['Zusammenarbeit erwachsener und jugendlicher Akteure', 'Jens Zussy, Planen mit Phantasie'],
      ['Zusammenarbeit zwischen Haupt- und Ehrenamt', 'Ehrenamtsbündnis Nidderau'],
      ['Von der Schule in den Beruf – den Übergang gemeinsam stemmen', 'Bildungsbüro Köln'],
    ],
  },
  {
    title: 'Arbeitsphase II: Methoden und Instrumente',
    from: '14:00',
    to: '15:45',
    workshops: [
      ['Die Dialogische Haltung in der Arbeit mit Jugendlichen', 'Dialogwerkstatt'],
      ['Junge Geflüchtete in Konsultationsworkshops anhören', 'Jugendbeteiligung NRW'],
      ['Den Weg junger Geflüchteter in Ausbildung ebnen', 'Handwerkskammer Köln'],
      ['Gelungene Netzwerkkoordination', 'Netzwerkbüro Düsseldorf'],
      ['Führen auf Augenhöhe', 'Führungsakademie'],
    ],
  },
] as const;

const describeBrowser = browserAvailable() ? describe : describe.skip;

describeBrowser('Transferforum 2018 through the console, from an empty event to the lists', () => {
  let h: ConsoleHarness;
  let page: Page;
  let eventId = '';
  let slug = '';
  const axe = (state: string) => expectNoAxeViolations(page, state);
  const signIn = () => h.signIn(page);
  const download = async (button: string): Promise<Buffer> => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: button }).click(),
    ]);
    return readFileSync(await file.path());
  };
  const pdfText = async (pdf: Buffer) =>
    (await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true })).text;

  // a Tuesday about two months ahead, from the clock
  const date = (() => {
    const d = new Date(Date.now() + 60 * 86_400_000);
    d.setUTCDate(d.getUTCDate() + ((9 - d.getUTCDay()) % 7));
    return d.toISOString().slice(0, 10);
  })();
  const closes = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const people = [
    { firstName: 'Jürgen', lastName: 'Weiß', email: 'juergen@transfer.example', workshops: [2, 7] },
    { firstName: 'Änne', lastName: 'Groß', email: 'aenne@transfer.example', workshops: [4, 9] },
  ];

  beforeAll(async () => {
    h = await startConsole({ organizer: ORGANIZER, other: OTHER, demo: false });
    page = await h.browser.context.newPage();
  }, 120_000);

  afterAll(async () => {
    expect(await h?.close()).toBe(0);
  });

  it('builds the programme from an empty event, sees the too-small phase and fixes it, publishes', async () => {
    await page.goto(`${h.baseUrl}/admin`);
    await signIn();
    await page.getByRole('heading', { level: 1, name: 'Ihre Veranstaltungen' }).waitFor();
    await axe('empty overview');
    const create = page.getByRole('form', { name: 'Neue Veranstaltung anlegen' });
    await create.getByRole('textbox', { name: /^Titel/ }).fill(TITLE);
    await create.getByLabel(/^Datum/).fill(date);
    await create.getByLabel(/^Beginn/).fill('09:00');
    await create.getByLabel(/^Ende/).fill('16:30');
    await create.getByLabel(/^Anmeldeschluss \(Datum\)/).fill(closes);
    await create
      .getByRole('textbox', { name: /^Veranstalter/ })
      .fill('Deutsche Kinder- und Jugendstiftung');
    await create.getByRole('textbox', { name: /^Veranstaltungsort/ }).fill('KOMED im MediaPark');
    await create.getByRole('textbox', { name: /^Ort/ }).fill('Köln');
    await create.getByRole('textbox', { name: /^Plätze insgesamt/ }).fill('120');
    await create.getByRole('button', { name: 'Entwurf anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    eventId = /\/admin\/e\/([^/]+)$/.exec(page.url())?.[1] ?? '';
    await axe('empty event desk');

    const addItem = async (kind: string, title: string, from: string, to: string, people = '') => {
      const form = page.getByRole('form', { name: 'Programmpunkt hinzufügen' });
      await form.getByRole('combobox', { name: 'Art' }).selectOption({ label: kind });
      await form.getByRole('textbox', { name: /^Titel/ }).fill(title);
      await form.getByLabel(/^Beginn/).fill(from);
      await form.getByLabel(/^Ende/).fill(to);
      await form.getByRole('textbox', { name: /^Mitwirkende/ }).fill(people);
      await form.getByRole('button', { name: 'Programmpunkt hinzufügen' }).click();
      await page.getByRole('heading', { level: 3, name: new RegExp(`${title}$`) }).waitFor();
    };
    await addItem('Ankommen', 'Ankommen', '09:00', '09:30');
    await addItem(
      'Begrüßung',
      'Begrüßung',
      '09:30',
      '10:10',
      'Serap Güler, Staatssekretärin für Integration NRW',
    );
    await addItem(
      'Vortrag',
      'Keynote „Integration durch Kooperation“',
      '10:10',
      '11:15',
      'Prof. Dr. Jörg Bogumil, Ruhr-Universität Bochum',
    );
    for (const phase of PHASES) await addItem('Workshopphase', phase.title, phase.from, phase.to);
    await addItem('Abschluss', 'Abschlussrunde', '16:00', '16:30');

    // five workshops per phase: 20 seats each, 100 together, fewer than the event's 120
    for (const phase of PHASES) {
      for (const [index, [title, host]] of phase.workshops.entries()) {
        const form = page.getByRole('form', { name: `Workshop in „${phase.title}“ hinzufügen` });
        await form.getByRole('textbox', { name: /^Titel des Workshops/ }).fill(title);
        await form.getByRole('textbox', { name: /^Plätze/ }).fill('20');
        await form.getByRole('textbox', { name: /^Raum/ }).fill(`Raum ${index + 1}`);
        await form.getByRole('textbox', { name: /^Leitung/ }).fill(host);
        await form.getByRole('button', { name: 'Workshop hinzufügen' }).click();
        await page
          .getByText(new RegExp(`^Workshop \\d+: ${title.replace(/[()]/g, '.')}`))
          .waitFor();
      }
    }
    const warnings = page.locator('.kern-alert').filter({ hasText: 'Hinweise zum Programm' });
    await warnings.filter({ hasText: 'Arbeitsphase I' }).waitFor();
    await axe('programme with the too-small phases');

    // fixed in the event editor: 100 seats for the event, as many as each phase has
    await page.getByRole('link', { name: /^Angaben zur Veranstaltung bearbeiten/ }).click();
    await page.getByRole('heading', { level: 1, name: `„${TITLE}“ bearbeiten` }).waitFor();
    await axe('event editor');
    await page.getByLabel(/^Plätze insgesamt/).fill('100');
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Die Änderungen sind gespeichert.' })
      .waitFor();
    await page.getByRole('link', { name: /^Zurück zur Veranstaltung/ }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText('Das Programm ist noch leer.').waitFor({ state: 'detached' });
    await expect(warnings.count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'Veröffentlichen …' }).click();
    const confirm = page.getByRole('group', { name: 'Veranstaltung jetzt veröffentlichen?' });
    await confirm.getByText('Es gibt keine Hinweise zum Programm.').waitFor();
    await axe('publish question');
    await confirm.getByRole('button', { name: 'Jetzt veröffentlichen' }).click();
    await page.getByText(/^Veröffentlicht ·/).waitFor();

    const stored = await h.gql<{
      event: {
        slug: string;
        agenda: Array<{ kind: string; startsAt: string; workshops: unknown[] }>;
      };
    }>('query ($id: ID!) { event(id: $id) { slug agenda { kind startsAt workshops { id } } } }', {
      id: eventId,
    });
    slug = stored.event.slug;
    const local = (iso: string) =>
      new Intl.DateTimeFormat('de-DE', {
        timeZone: 'Europe/Berlin',
        hour: '2-digit',
        minute: '2-digit',
      }).format(new Date(iso));
    expect(stored.event.agenda.map((i) => [i.kind, local(i.startsAt), i.workshops.length])).toEqual(
      [
        ['ARRIVAL', '09:00', 0],
        ['WELCOME', '09:30', 0],
        ['KEYNOTE', '10:10', 0],
        ['WORKSHOP_PHASE', '11:30', 5],
        ['WORKSHOP_PHASE', '14:00', 5],
        ['CLOSING', '16:00', 0],
      ],
    );
  });

  it('registers two participants through the public pages; the organizer moves one and cancels the other with a reason', async () => {
    const visitor = await h.browser.context.newPage();
    for (const who of people) {
      await visitor.goto(`${h.baseUrl}/e/${slug}`);
      const form = visitor.getByRole('form', { name: 'Anmeldung' });
      await form.getByRole('textbox', { name: /^Vorname/ }).fill(who.firstName);
      await form.getByRole('textbox', { name: /^Nachname/ }).fill(who.lastName);
      await form.getByRole('textbox', { name: /^E-Mail-Adresse/ }).fill(who.email);
      await form.getByRole('textbox', { name: /^Organisation/ }).fill('Jugendamt Düsseldorf');
      for (const n of who.workshops) {
        await form.getByRole('radio', { name: new RegExp(`^Workshop ${n}:`) }).check();
      }
      await form.getByRole('checkbox', { name: /Ich bin einverstanden/ }).check();
      await form.getByRole('button', { name: 'Verbindlich anmelden' }).click();
      await visitor.getByRole('heading', { level: 1, name: 'Sie sind angemeldet' }).waitFor();
    }
    await visitor.close();

    await page.reload();
    await signIn();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const table = page.getByRole('table', { name: 'Anmeldungen' });
    await table.getByRole('rowheader', { name: /Weiß, Jürgen/ }).waitFor();
    await axe('desk with registrations');
    // move Jürgen Weiß into the first workshop offered
    await page
      .getByRole('button', { name: 'Jürgen Weiß in einen anderen Workshop umbuchen' })
      .click();
    const move = page.getByRole('group', { name: 'Jürgen Weiß umbuchen' });
    const target = move.getByRole('combobox', { name: 'Neuer Workshop' });
    await axe('move question');
    const offered = (await target.locator('option').first().textContent()) ?? '';
    const number = /^Workshop (\d+):/.exec(offered)?.[1];
    expect(number).toBeDefined();
    await move.getByRole('button', { name: 'Umbuchen und Mail senden' }).click();
    await move.waitFor({ state: 'detached' });
    await table
      .getByRole('row')
      .filter({ hasText: 'Weiß, Jürgen' })
      .getByRole('cell')
      .filter({ hasText: new RegExp(`(^|, )${number}(,|$)`) })
      .waitFor();

    // cancel Änne Groß with a reason
    await page.getByRole('button', { name: 'Anmeldung von Änne Groß absagen' }).click();
    const cancel = page.getByRole('group', { name: 'Anmeldung von Änne Groß wirklich absagen?' });
    await cancel
      .getByRole('textbox', { name: /^Begründung/ })
      .fill('Die Stelle schickt eine Vertretung – bitte neu anmelden.');
    await axe('cancel question with a reason');
    await cancel.getByRole('button', { name: 'Ja, absagen' }).click();
    await table
      .getByRole('row')
      .filter({ hasText: 'Groß, Änne' })
      .getByRole('cell', { name: 'Storniert' })
      .waitFor();
    await axe('desk after move and cancel');
    // the server kept what was done, and the reason the mail carries
    const token = await h.login();
    const list = await h.gql<{
      registrations: {
        edges: Array<{
          node: { lastName: string; history: Array<{ kind: string; reason: string | null }> };
        }>;
      };
    }>(
      'query ($id: ID!) { registrations(eventId: $id) { edges { node { lastName history { kind reason } } } } }',
      { id: eventId },
      token,
    );
    const of = (last: string) =>
      list.registrations.edges.find((e) => e.node.lastName === last)?.node.history ?? [];
    expect(of('Groß').map((h) => h.reason)).toContain(
      'Die Stelle schickt eine Vertretung – bitte neu anmelden.',
    );
    expect(of('Weiß').map((h) => h.kind)).toContain('MOVED');
  });

  it('exports Excel and CSV, read back by exceljs and csv-parse, and the sign-in sheet and badges as PDF', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await download('Anmeldungen (Excel)')) as unknown as ArrayBuffer);
    const rows: string[][] = [];
    book.worksheets[0].eachRow((row) => {
      rows.push(Array.from(row.values as unknown[], (v) => String(v ?? '')));
    });
    const csvBytes = await download('Anmeldungen (CSV)');
    // UTF-8 with BOM, so that Excel opens the umlauts right
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = parse(csvBytes.toString('utf8'), {
      bom: true,
      delimiter: [';', ','],
    }) as string[][];
    const names = (table: string[][]) => table.map((r) => r.join(' '));
    // the confirmed participant is in both lists, the cancelled one in neither (the default)
    const [kept, cancelled] = people;
    const inXlsx = rows.find((r) => r.includes(kept.email));
    const inCsv = csv.find((r) => r.includes(kept.email));
    expect(inXlsx).toEqual(expect.arrayContaining([kept.firstName, kept.lastName]));
    expect(inCsv).toEqual(expect.arrayContaining([kept.firstName, kept.lastName]));
    expect(rows.filter((r) => r.includes(cancelled.email))).toEqual([]);
    expect(csv.filter((r) => r.includes(cancelled.email))).toEqual([]);
    // a header and one row each
    expect([rows.length, csv.length]).toEqual([2, 2]);
    expect(names(csv).join('\n')).toContain('Jugendamt Düsseldorf');

    const signIn = await pdfText(await download('Unterschriftenliste (PDF)'));
    expect(signIn).toContain(TITLE);
    expect(signIn).toContain('Weiß');
    expect(signIn).toContain('Jugendamt Düsseldorf');
    const badges = await pdfText(await download('Namensschilder (PDF)'));
    expect(badges).toMatch(/Jürgen\s+Weiß/);
    // the cancelled registration is on neither
    expect(signIn).not.toContain('Groß');
    expect(badges).not.toContain('Änne');
  });

  it('keeps another organizer out of the event, its editor and its downloads', async () => {
    const other = await h.browser.context.newPage();
    for (const path of [`/admin/e/${eventId}`, `/admin/e/${eventId}/bearbeiten`]) {
      await other.goto(`${h.baseUrl}${path}`);
      await h.signIn(other, OTHER);
      await other
        .getByRole('alert')
        .filter({ hasText: 'Diese Veranstaltung gehört anderen Veranstaltern.' })
        .waitFor();
      await expect(other.getByText('Weiß').count()).resolves.toBe(0);
    }
    await other.close();
    const token = await h.login(OTHER);
    for (const file of [
      'registrations.xlsx',
      'registrations.csv',
      'sign-in-sheet.pdf',
      'badges.pdf',
    ]) {
      const answer = await fetch(`${h.baseUrl}/exports/events/${eventId}/${file}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = await answer.text();
      expect({
        file,
        status: answer.status,
        leaks: /Weiß|Groß|transfer\.example/.test(body),
      }).toEqual({
        file,
        status: 403,
        leaks: false,
      });
    }
  });
});
