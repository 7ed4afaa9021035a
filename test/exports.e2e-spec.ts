import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { startTestApp, type TestApp } from './harness/index.js';
import { addItem, addWorkshop, createEvent, day, publish } from './factories/events.js';
import { createOrganizer, login } from './factories/organizers.js';
import { REGISTER, type ResultData } from './registrations-helpers.js';

// The organizers' downloads over real HTTP, read back by parsers that are not
// ours: csv-parse, exceljs, pdf.js (unpdf).

let t: TestApp;
let admin: string;
let eventId: string;
let workshops: { id: string; number: number }[];

const PEOPLE = [
  { firstName: 'Jürgen', lastName: 'Größe', organization: 'Jugendamt Düsseldorf', ws: 0 },
  { firstName: 'Ömer', lastName: 'Çelik', organization: 'Stadt Köln, Amt für Integration', ws: 1 },
  { firstName: 'Änne', lastName: 'Weiß', organization: '=HYPERLINK("http://evil")', ws: 0 },
];

async function download(
  path: string,
  token: string | null = admin,
): Promise<{ status: number; headers: Headers; body: Buffer }> {
  const response = await fetch(`${t.baseUrl}/exports/events/${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return {
    status: response.status,
    headers: response.headers,
    body: Buffer.from(await response.arrayBuffer()),
  };
}

async function pdfText(pdf: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), {
    mergePages: true,
  });
  return text;
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await login(t);
  const at = day(60);
  const event = await createEvent(t, admin, { capacity: 2 });
  eventId = event.id;
  const phase = await addItem(t, admin, eventId, {
    kind: 'WORKSHOP_PHASE',
    title: 'Arbeitsphase I',
    startsAt: at('10:00'),
    endsAt: at('12:00'),
  });
  workshops = [
    await addWorkshop(t, admin, phase.id, {
      title: 'Bildung vor Ort',
      capacity: 2,
      room: 'Raum A',
      hosts: [{ name: 'Dr. Ute Süß', affiliation: 'Stadt Essen' }],
    }),
    await addWorkshop(t, admin, phase.id, { title: 'Sprachmittlung', capacity: 2, room: 'Raum B' }),
  ];
  await publish(t, admin, eventId);
  for (const [i, p] of PEOPLE.entries()) {
    const data = await t.data<{ register: ResultData }>(REGISTER, {
      input: {
        eventId,
        privacyConsent: true,
        workshopIds: [workshops[p.ws].id],
        participant: {
          firstName: p.firstName,
          lastName: p.lastName,
          email: `person${i}@example.org`,
          organization: p.organization,
          dietaryNeeds: i === 0 ? 'vegetarisch' : null,
        },
      },
    });
    expect(data.register.__typename).toBe('RegistrationSuccess');
  }
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('exports of an event for its organizers', () => {
  it('registrations.csv: UTF-8 with BOM, ";" separated, umlauts intact, formulas defused, needs only when asked', async () => {
    const { status, headers, body } = await download(`${eventId}/registrations.csv`);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(headers.get('cache-control')).toBe('private, no-store');
    expect(headers.get('content-disposition')).toMatch(
      /^attachment; filename=".+-anmeldungen\.csv"$/,
    );
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(body.toString('utf8').slice(1), { delimiter: ';', columns: true }) as Record<
      string,
      string
    >[];
    // capacity 2: the third is on the waiting list, and listed too by default
    expect(rows.map((r) => `${r.Vorname} ${r.Nachname}`).sort()).toEqual(
      PEOPLE.map((p) => `${p.firstName} ${p.lastName}`).sort(),
    );
    expect(rows.find((r) => r.Nachname === 'Weiß')?.Organisation).toBe(
      `'${PEOPLE[2].organization}`,
    );
    expect(Object.keys(rows[0])).not.toContain('Ernährung');

    const asked = await download(
      `${eventId}/registrations.csv?columns=lastName,dietaryNeeds&status=CONFIRMED`,
    );
    const chosen = parse(asked.body.toString('utf8').slice(1), {
      delimiter: ';',
      columns: true,
    }) as Record<string, string>[];
    expect(Object.keys(chosen[0])).toEqual(['Nachname', 'Ernährung']);
    expect(chosen).toHaveLength(2);
    expect(chosen.find((r) => r.Nachname === 'Größe')?.Ernährung).toBe('vegetarisch');
  });

  it('registrations.xlsx per workshop: exceljs reads the rows and umlauts back', async () => {
    const { status, body } = await download(
      `${eventId}/registrations.xlsx?workshop=${workshops[1].id}`,
    );
    expect(status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const last = header.indexOf('Nachname') + 1;
    const names: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) names.push(String(row.getCell(last).value));
    });
    expect(names).toEqual(['Çelik']);
  });

  it('the sign-in sheet, room lists and badges are PDFs whose text a PDF parser reads', async () => {
    const sheet = await download(`${eventId}/sign-in-sheet.pdf`);
    expect(sheet.status).toBe(200);
    expect(sheet.headers.get('content-type')).toBe('application/pdf');
    const sheetText = await pdfText(sheet.body);
    expect(sheetText).toContain('Größe');
    expect(sheetText).toContain('Çelik');
    // the waiting list does not sign in
    expect(sheetText).not.toContain('Weiß');

    const rooms = await pdfText(
      (await download(`${eventId}/room-lists.pdf?needs=dietaryNeeds`)).body,
    );
    expect(rooms).toContain('Bildung vor Ort');
    expect(rooms).toContain('vegetarisch');
    const roomsWithoutNeeds = await pdfText((await download(`${eventId}/room-lists.pdf`)).body);
    expect(roomsWithoutNeeds).not.toContain('vegetarisch');

    const badges = await pdfText((await download(`${eventId}/badges.pdf`)).body);
    expect(badges).toContain('Jürgen');
    expect(badges).toContain('Jugendamt Düsseldorf');
  });

  it('anonymous callers get 401, other organizers 403, and nothing of the event', async () => {
    const anonymous = await download(`${eventId}/registrations.csv`, null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
    expect((await download(`${eventId}/registrations.csv`, 'not-a-token')).status).toBe(401);

    const other = await createOrganizer(t, admin);
    for (const file of [
      'registrations.csv',
      'registrations.xlsx',
      'sign-in-sheet.pdf',
      'badges.pdf',
    ]) {
      const answer = await download(`${eventId}/${file}`, other.token);
      expect(answer.status).toBe(403);
      const text = answer.body.toString('utf8');
      for (const p of PEOPLE) expect(text).not.toContain(p.lastName);
    }
  });

  it('unknown events, files and options are clear 4xx answers that name the problem', async () => {
    expect((await download(`${randomUUID()}/registrations.csv`)).status).toBe(404);
    expect((await download(`not-a-uuid/registrations.csv`)).status).toBe(404);
    expect((await download(`${eventId}/passwords.csv`)).status).toBe(404);
    // hostile path segments with a valid token: a client error, never a 5xx
    for (const segment of [
      '%00',
      '%ED%A0%80',
      '%C0%80',
      '..%2F..%2Fetc%2Fpasswd',
      'a'.repeat(5000),
    ]) {
      for (const path of [`${segment}/registrations.csv`, `${eventId}/${segment}`]) {
        const answer = await download(path);
        expect({ path: path.slice(0, 60), status: answer.status }).toEqual({
          path: path.slice(0, 60),
          status: answer.status >= 400 && answer.status < 500 ? answer.status : 'a 4xx',
        });
      }
    }

    const cases: Array<[string, string]> = [
      ['registrations.csv?columns=lastName,password', 'columns'],
      ['registrations.csv?status=MAYBE', 'status'],
      ['registrations.csv?columns=a&columns=b', 'columns'],
      [`registrations.xlsx?workshop=${randomUUID()}`, 'workshop'],
      ['sign-in-sheet.pdf?workshop=%00', 'workshop'],
      ['room-lists.pdf?needs=passwords', 'needs'],
    ];
    for (const [path, parameter] of cases) {
      const answer = await download(`${eventId}/${path}`);
      expect({ path, status: answer.status }).toEqual({ path, status: 400 });
      const body = JSON.parse(answer.body.toString('utf8')) as {
        parameter: string;
        message: string;
      };
      expect(body.parameter).toBe(parameter);
      expect(body.message.length).toBeGreaterThan(10);
    }
  });
});
