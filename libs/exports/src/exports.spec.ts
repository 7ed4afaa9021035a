import { describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import {
  buildBadges,
  buildCsv,
  buildRoomLists,
  buildSignInSheet,
  buildXlsx,
  csvField,
  DEFAULT_COLUMNS,
  ExportOptionError,
  parseColumns,
  parseStatuses,
  registrationTable,
  selectRegistrations,
} from './index.js';
import { person, transferforum } from './testing/fixture.js';

// Every output is read back with a parser that is not ours: csv-parse for CSV,
// exceljs reading for XLSX, pdf.js (unpdf) for the text of PDFs.

async function pdfPages(pdf: Buffer): Promise<string[]> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(doc, { mergePages: false });
  return text;
}

function people() {
  return [
    person({ firstName: 'Jürgen', lastName: 'Größe', organization: 'Jugendamt Düsseldorf' }),
    person({
      firstName: 'Anna',
      lastName: 'Weiß',
      organization: 'Schule; Verein "Brücke"',
      accessibilityNeeds: 'Rollstuhl',
      dietaryNeeds: 'vegan',
      workshopIds: ['w2', 'w12'],
    }),
    person({
      firstName: 'Carl',
      lastName: 'Ärger',
      organization: '=HYPERLINK("http://evil.example","klick")',
      jobTitle: '+49 221 123',
      status: 'WAITLISTED',
      waitlistPosition: 1,
    }),
    person({ firstName: 'Zoe', lastName: 'Abgesagt', status: 'CANCELLED', workshopIds: [] }),
  ];
}

describe('selection and columns', () => {
  it('sorts by name the German way and leaves the cancelled out by default', () => {
    const data = transferforum(people());
    const names = selectRegistrations(data, { statuses: parseStatuses(undefined) }).map(
      (r) => r.lastName,
    );
    expect(names).toEqual(['Ärger', 'Größe', 'Weiß']);
  });

  it('filters by workshop', () => {
    const data = transferforum(people());
    const rows = selectRegistrations(data, { workshopId: 'w2', statuses: ['CONFIRMED'] });
    expect(rows.map((r) => r.lastName)).toEqual(['Weiß']);
    expect(() =>
      selectRegistrations(data, { workshopId: 'nope', statuses: ['CONFIRMED'] }),
    ).toThrow(ExportOptionError);
  });

  it('refuses unknown and repeated columns and statuses, naming the parameter', () => {
    expect(parseColumns(undefined)).toEqual(DEFAULT_COLUMNS);
    expect(parseColumns('email, lastName')).toEqual(['email', 'lastName']);
    expect(DEFAULT_COLUMNS).not.toContain('accessibilityNeeds');
    expect(DEFAULT_COLUMNS).not.toContain('dietaryNeeds');
    for (const bad of ['email,password', 'email,email', 'email,,lastName']) {
      try {
        parseColumns(bad);
        throw new Error(`accepted ${bad}`);
      } catch (error) {
        expect(error).toBeInstanceOf(ExportOptionError);
        expect((error as ExportOptionError).parameter).toBe('columns');
      }
    }
    expect(() => parseStatuses('CONFIRMED,DELETED')).toThrow(/Unknown status/);
    expect(parseStatuses('cancelled')).toEqual(['CANCELLED']);
  });
});

describe('CSV', () => {
  it('opens in German Excel: BOM, semicolons, CRLF, quoting, umlauts, local times', () => {
    const data = transferforum(people());
    const rows = selectRegistrations(data, { statuses: ['CONFIRMED', 'WAITLISTED'] });
    const csv = buildCsv(registrationTable(data, rows, DEFAULT_COLUMNS), data.event.timeZone);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8');
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFFNachname;Vorname;E-Mail;Organisation;Funktion;Status;Workshopphase I;Workshopphase II;Angemeldet am',
    );
    const records = parse(csv, {
      delimiter: ';',
      bom: true,
      columns: true,
      record_delimiter: '\r\n',
    }) as Record<string, string>[];
    expect(records).toHaveLength(3);
    expect(records.map((r) => `${r.Vorname} ${r.Nachname}`)).toEqual([
      'Carl Ärger',
      'Jürgen Größe',
      'Anna Weiß',
    ]);
    const weiss = records[2];
    expect(weiss.Organisation).toBe('Schule; Verein "Brücke"');
    expect(weiss['Workshopphase I']).toBe('2: Bildungsketten');
    expect(weiss['Workshopphase II']).toBe('12: Kommunale Koordinierung');
    expect(weiss.Status).toBe('bestätigt');
    expect(records[0].Status).toBe('Warteliste');
    expect(records[1]['Angemeldet am']).toMatch(/^01\.05\.2027 10:\d\d$/); // 08:xx UTC in summer time
    expect(Object.keys(weiss)).not.toContain('Barrierefreiheit');
    expect(text).not.toContain('Rollstuhl');
  });

  it('guards cells that spreadsheets would run as formulas', () => {
    const data = transferforum(people());
    const rows = selectRegistrations(data, { statuses: ['WAITLISTED'] });
    const csv = buildCsv(
      registrationTable(data, rows, ['lastName', 'organization', 'jobTitle']),
      'Europe/Berlin',
    );
    const [record] = parse(csv, { delimiter: ';', bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(record.Organisation).toBe('\'=HYPERLINK("http://evil.example","klick")');
    expect(record.Funktion).toBe("'+49 221 123");
    for (const start of ['=', '+', '-', '@', '\t', ' =', '＝']) {
      expect(csvField(`${start}1+1`).replace(/^"/, '').startsWith("'")).toBe(true);
    }
    expect(csvField('Köln-Mülheim')).toBe('Köln-Mülheim');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
  });

  it('has the needs columns when asked for, with line breaks kept', () => {
    const data = transferforum([
      person({ lastName: 'Weiß', accessibilityNeeds: 'Rollstuhl;\nAufzug', dietaryNeeds: 'vegan' }),
    ]);
    const rows = selectRegistrations(data, { statuses: ['CONFIRMED'] });
    const columns = parseColumns('lastName,accessibilityNeeds,dietaryNeeds');
    const csv = buildCsv(registrationTable(data, rows, columns), 'Europe/Berlin');
    const records = parse(csv, { delimiter: ';', bom: true }) as string[][];
    expect(records).toEqual([
      ['Nachname', 'Barrierefreiheit', 'Ernährung'],
      ['Weiß', 'Rollstuhl;\nAufzug', 'vegan'],
    ]);
  });
});

describe('XLSX', () => {
  it('reads back with exceljs: header, rows, umlauts, dates as local wall-clock time, text never a formula', async () => {
    const data = transferforum(people());
    const rows = selectRegistrations(data, { statuses: ['CONFIRMED', 'WAITLISTED'] });
    const table = registrationTable(
      data,
      rows,
      parseColumns('lastName,firstName,organization,registeredAt,accessibilityNeeds'),
    );
    const xlsx = await buildXlsx(table, {
      sheet: 'Anmeldungen',
      title: data.event.title,
      timeZone: 'Europe/Berlin',
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('Anmeldungen')!;
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Nachname',
      'Vorname',
      'Organisation',
      'Angemeldet am',
      'Barrierefreiheit',
    ]);
    expect(sheet.getRow(3).getCell(1).value).toBe('Größe');
    expect(sheet.getRow(3).getCell(2).value).toBe('Jürgen');
    expect(sheet.getRow(4).getCell(1).value).toBe('Weiß');
    expect(sheet.getRow(4).getCell(5).value).toBe('Rollstuhl');
    const formula = sheet.getRow(2).getCell(3);
    expect(formula.type).toBe(ExcelJS.ValueType.String);
    expect(formula.value).toBe('=HYPERLINK("http://evil.example","klick")');
    const date = sheet.getRow(3).getCell(4);
    expect(date.value).toBeInstanceOf(Date);
    expect((date.value as Date).getUTCHours()).toBe(10); // 08:xx UTC is 10:xx in Cologne
    expect(date.numFmt).toBe('dd.mm.yyyy hh:mm');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});

describe('sign-in sheet', () => {
  it('lists the confirmed participants with title, date, place and "Seite x von y"', async () => {
    const many = Array.from({ length: 45 }, (_, i) =>
      person({ firstName: `Teilnehmerin${String(i).padStart(2, '0')}`, lastName: 'Zimmermann' }),
    );
    const data = transferforum([...people(), ...many]);
    const pages = await pdfPages(await buildSignInSheet(data));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((page, i) => {
      expect(page).toContain(`Seite ${i + 1} von ${pages.length}`);
      expect(page).toContain('Unterschriftenliste');
      expect(page).toContain('Transferforum: Wie Zusammenarbeit');
      expect(page).toContain('Dienstag, 15. Juni 2027, 09:00–16:30 Uhr');
      expect(page).toContain('KOMED im MediaPark, Im Mediapark 7, 50670 Köln');
      expect(page).toContain('Unterschrift');
    });
    const all = pages.join('\n');
    expect(all).toContain('Größe, Jürgen');
    expect(all).toContain('Jugendamt Düsseldorf');
    expect(all).toContain('Weiß, Anna');
    expect(all).not.toContain('Ärger'); // waiting, holds no seat
    expect(all).not.toContain('Abgesagt');
    for (let i = 0; i < 45; i += 1)
      expect(all).toContain(`Zimmermann, Teilnehmerin${String(i).padStart(2, '0')}`);
    expect(all).toContain('47'); // numbered rows
  });

  it('per workshop names the workshop, its time and room', async () => {
    const data = transferforum(people());
    const [page, ...rest] = await pdfPages(await buildSignInSheet(data, { workshopId: 'w1' }));
    expect(rest).toEqual([]);
    expect(page).toContain('Workshop 1: Übergänge gestalten · 11:00–12:30 Uhr · Raum: Raum Süd');
    expect(page).toContain('Leitung: Dr. Anna Weiß (Stadt Köln)');
    expect(page).toContain('Größe, Jürgen');
    expect(page).not.toContain('Weiß, Anna');
    expect(page).toContain('Seite 1 von 1');
  });

  it('says so when nobody is confirmed', async () => {
    const pages = await pdfPages(await buildSignInSheet(transferforum([])));
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('Keine bestätigten Anmeldungen.');
  });
});

describe('room lists', () => {
  it('gives every workshop its own pages, counted per workshop, needs only when asked', async () => {
    const data = transferforum(people());
    const plain = await pdfPages(await buildRoomLists(data));
    expect(plain).toHaveLength(3);
    expect(plain[0]).toContain('Raumliste');
    expect(plain[0]).toContain('Workshop 1: Übergänge gestalten');
    expect(plain[0]).toContain('Belegt: 1 von 20 Plätzen');
    expect(plain[1]).toContain('Workshop 2: Bildungsketten');
    expect(plain[1]).toContain('Weiß, Anna');
    expect(plain[2]).toContain('Workshop 12: Kommunale Koordinierung');
    for (const page of plain) {
      expect(page).toContain('Seite 1 von 1');
      expect(page).not.toContain('Rollstuhl');
    }
    const withNeeds = await pdfPages(
      await buildRoomLists(data, {
        workshopId: 'w2',
        accessibilityNeeds: true,
        dietaryNeeds: true,
      }),
    );
    expect(withNeeds).toHaveLength(1);
    expect(withNeeds[0]).toContain('Barrierefreiheit');
    expect(withNeeds[0]).toContain('Rollstuhl');
    expect(withNeeds[0]).toContain('vegan');
  });
});

describe('badges', () => {
  it('prints eight per A4 page with first and last name, umlauts and ß intact', async () => {
    const many = Array.from({ length: 7 }, (_, i) =>
      person({ firstName: `Gast${i}`, lastName: 'Strauß' }),
    );
    const data = transferforum([...people(), ...many]);
    const pdf = await buildBadges(data);
    const doc = await getDocumentProxy(new Uint8Array(pdf));
    expect(doc.numPages).toBe(2); // 9 confirmed
    const page = await doc.getPage(1);
    const [, , width, height] = page.view;
    expect(Math.round(width)).toBe(595);
    expect(Math.round(height)).toBe(842);
    const text = (await pdfPages(pdf)).join('\n');
    expect(text).toContain('Jürgen');
    expect(text).toContain('Größe');
    expect(text).toContain('Weiß');
    expect(text).toContain('Strauß');
    expect(text).toContain('Jugendamt Düsseldorf');
    expect(text).not.toContain('Ärger');
  });
});
