import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MikroORM, type EntityManager } from '@mikro-orm/core';
import ICAL from 'ical.js';
import { AgendaItem, AgendaItemKind, Event, EventStatus, Workshop } from '@fachtag/events';
import { Organizer } from '@fachtag/organizers';
import { startTestApp, type TestApp } from './harness/index.js';
import { login } from './factories/organizers.js';
import { firstWeekdayOf } from './factories/dates.js';
import { participant, register, update } from './registrations-helpers.js';

// event days from the clock (the slugs keep their names): summer in June, winter in January
const SUMMER = firstWeekdayOf(6);
const WINTER = firstWeekdayOf(1);

const VENUE = {
  name: 'KOMED im MediaPark GmbH',
  street: 'Im Mediapark 7',
  postalCode: '50670',
  city: 'Köln',
  country: 'Deutschland',
};

const wallClock = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const inBerlin = (time: ICAL.Time) => wallClock.format(time.toJSDate());

interface Built {
  event: Event;
  phase: AgendaItem;
  keynote: AgendaItem;
  workshops: Workshop[];
}

/** An event on `day` with a keynote 09:30–10:10 and a workshop phase 11:30–13:00 (UTC given). */
async function buildEvent(
  em: EntityManager,
  owner: Organizer,
  slug: string,
  status: EventStatus,
  times: { day: string; offset: string },
): Promise<Built> {
  const at = (hhmm: string) => new Date(`${times.day}T${hhmm}:00${times.offset}`);
  const event = em.create(Event, {
    slug,
    title: `Fachtag ${slug}`,
    status,
    startsAt: at('09:00'),
    endsAt: at('16:30'),
    venue: VENUE,
    organizerName: 'Deutsche Kinder- und Jugendstiftung',
    contactEmail: 'kontakt@dkjs.example',
    registrationClosesAt: at('08:00'),
    capacity: 150,
    owner,
    revision: 1,
  });
  const keynote = em.create(AgendaItem, {
    event,
    kind: AgendaItemKind.KEYNOTE,
    title: 'Integration durch Kooperation: Herausforderungen; Handlungsmöglichkeiten',
    startsAt: at('09:30'),
    endsAt: at('10:10'),
    room: 'Plenarsaal',
    speakers: [{ name: 'Prof. Dr. Jörg Bogumil', affiliation: 'Ruhr-Universität Bochum' }],
    revision: 2,
  });
  const phase = em.create(AgendaItem, {
    event,
    kind: AgendaItemKind.WORKSHOP_PHASE,
    title: 'Arbeitsphase I',
    subtitle: 'Praxisbeispiele und Erfahrungsaustausch',
    startsAt: at('11:30'),
    endsAt: at('13:00'),
  });
  const workshops = [2, 1].map((number) =>
    em.create(Workshop, {
      event,
      phase,
      number,
      title: `Workshop-Thema ${number}`,
      room: `Raum ${number}`,
      hosts: [{ name: `Host ${number}`, affiliation: 'Stadt Wuppertal' }],
      capacity: 75,
      revision: number,
    }),
  );
  await em.flush();
  return { event, phase, keynote, workshops };
}

async function fetchFeed(t: TestApp, slug: string) {
  const res = await fetch(`${t.baseUrl}/calendar/events/${slug}.ics`);
  const text = await res.text();
  return { res, text };
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  return { calendar, events, byUid: new Map(events.map((e) => [e.uid, e])) };
}

describe('GET /calendar/events/{slug}.ics', () => {
  let t: TestApp;
  let host: string;
  let summer: Built;
  let winter: Built;
  beforeAll(async () => {
    t = await startTestApp();
    host = new URL(t.config.publicBaseUrl).hostname;
    const em = t.app.get(MikroORM).em.fork();
    const owner = em.create(Organizer, {
      email: 'feed-owner@test.example',
      name: 'Feed Owner',
      passwordHash: 'not-used',
    });
    // June: CEST, UTC+2; January and early March: CET, UTC+1; May: CEST
    summer = await buildEvent(em, owner, 'sommer-2027', EventStatus.PUBLISHED, {
      day: SUMMER.date,
      offset: '+02:00',
    });
    winter = await buildEvent(em, owner, 'winter-2027', EventStatus.PUBLISHED, {
      day: WINTER.date,
      offset: '+01:00',
    });
    await buildEvent(em, owner, 'entwurf', EventStatus.DRAFT, {
      day: firstWeekdayOf(3).date,
      offset: '+01:00',
    });
    await buildEvent(em, owner, 'abgesagt', EventStatus.CANCELLED, {
      day: firstWeekdayOf(5).date,
      offset: '+02:00',
    });
    await buildEvent(em, owner, 'wird-abgesagt', EventStatus.PUBLISHED, {
      day: firstWeekdayOf(5, 2, { plusDays: 7 }).date,
      offset: '+02:00',
    });
  });
  afterAll(() => t.close());

  it('serves text/calendar in UTF-8 with METHOD:PUBLISH and one VEVENT per item and workshop', async () => {
    const { res, text } = await fetchFeed(t, 'sommer-2027');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar; charset=utf-8/);
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    const { calendar, events } = parse(text);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(events).toHaveLength(2 + 2);
  });

  it('gives stable UIDs that are the same on every fetch', async () => {
    const first = parse((await fetchFeed(t, 'sommer-2027')).text);
    const second = parse((await fetchFeed(t, 'sommer-2027')).text);
    const expected = [
      `agenda-${summer.keynote.id}@${host}`,
      `agenda-${summer.phase.id}@${host}`,
      ...[1, 2].map((n) => `workshop-${summer.workshops.find((w) => w.number === n)!.id}@${host}`),
    ];
    expect(first.events.map((e) => e.uid)).toEqual(expected);
    expect(second.events.map((e) => e.uid)).toEqual(expected);
  });

  it('reads the right Europe/Berlin wall-clock times in summer (CEST) and winter (CET)', async () => {
    for (const [slug, date] of [
      ['sommer-2027', SUMMER.german],
      ['winter-2027', WINTER.german],
    ]) {
      const built = slug === 'sommer-2027' ? summer : winter;
      const { byUid } = parse((await fetchFeed(t, slug)).text);
      const keynote = byUid.get(`agenda-${built.keynote.id}@${host}`)!;
      expect(keynote.startDate.zone?.tzid).toBe('UTC');
      expect(inBerlin(keynote.startDate)).toBe(`${date}, 09:30`);
      expect(inBerlin(keynote.endDate)).toBe(`${date}, 10:10`);
      const workshop = byUid.get(`workshop-${built.workshops[0].id}@${host}`)!;
      expect(inBerlin(workshop.startDate)).toBe(`${date}, 11:30`);
      expect(inBerlin(workshop.endDate)).toBe(`${date}, 13:00`);
    }
    const winterText = (await fetchFeed(t, 'winter-2027')).text;
    expect(winterText).toContain(`DTSTART:${WINTER.compact}T083000Z`);
  });

  it('carries the venue address, rooms, hosts, organizer, status and SEQUENCE from revisions', async () => {
    const { byUid } = parse((await fetchFeed(t, 'sommer-2027')).text);
    const keynote = byUid.get(`agenda-${summer.keynote.id}@${host}`)!;
    expect(keynote.summary).toBe(
      'Integration durch Kooperation: Herausforderungen; Handlungsmöglichkeiten',
    );
    expect(keynote.location).toBe(
      'Plenarsaal, KOMED im MediaPark GmbH, Im Mediapark 7, 50670 Köln, Deutschland',
    );
    expect(keynote.description).toContain('Prof. Dr. Jörg Bogumil, Ruhr-Universität Bochum');
    expect(keynote.sequence).toBe(1 + 2); // event revision + item revision
    expect(keynote.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(keynote.organizer).toBe('mailto:kontakt@dkjs.example');

    const phase = byUid.get(`agenda-${summer.phase.id}@${host}`)!;
    expect(phase.description).toContain('Workshop 1: Workshop-Thema 1 (Raum 1)');
    const ws2 = summer.workshops.find((w) => w.number === 2)!;
    const workshop = byUid.get(`workshop-${ws2.id}@${host}`)!;
    expect(workshop.summary).toBe('Workshop 2: Workshop-Thema 2');
    expect(workshop.location).toBe(
      'Raum 2, KOMED im MediaPark GmbH, Im Mediapark 7, 50670 Köln, Deutschland',
    );
    expect(workshop.description).toContain('Raum: Raum 2');
    expect(workshop.description).toContain('Host 2, Stadt Wuppertal');
    expect(workshop.sequence).toBe(1 + 0 + 2); // event + phase + workshop revisions
  });

  it('marks every entry of a cancelled event STATUS:CANCELLED', async () => {
    const { res, text } = await fetchFeed(t, 'abgesagt');
    expect(res.status).toBe(200);
    const { events } = parse(text);
    expect(events).toHaveLength(4);
    for (const e of events) {
      expect(e.component.getFirstPropertyValue('status')).toBe('CANCELLED');
      expect(e.description).toMatch(/^ABGESAGT/);
    }
  });

  it('raises the SEQUENCE of every entry when an organizer cancels the event', async () => {
    const before = parse((await fetchFeed(t, 'wird-abgesagt')).text);
    const { id } = (
      await t.data<{ event: { id: string } }>(`{ event(slug: "wird-abgesagt") { id } }`)
    ).event;
    await t.data(
      `mutation($id: ID!) { cancelEvent(id: $id, reason: "Unwetter") { status } }`,
      { id },
      { token: await login(t) },
    );
    const after = parse((await fetchFeed(t, 'wird-abgesagt')).text);
    expect(after.events.map((e) => e.uid)).toEqual(before.events.map((e) => e.uid));
    for (const entry of after.events) {
      expect(entry.component.getFirstPropertyValue('status')).toBe('CANCELLED');
      // without a higher SEQUENCE, subscribed calendars keep the entry as it was
      expect(entry.sequence).toBeGreaterThan(before.byUid.get(entry.uid)!.sequence);
    }
  });

  it.each([['entwurf.ics'], ['gibt-es-nicht.ics'], ['sommer-2027'], ['sommer-2027.ical']])(
    'answers 404 for %s (drafts, unknown slugs, other names)',
    async (file) => {
      const res = await fetch(`${t.baseUrl}/calendar/events/${file}`);
      expect(res.status).toBe(404);
    },
  );
});

/** DTSTAMP in iCalendar's UTC form, to the second, e.g. 20261103T090007Z. */
const icsUtc = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');

/** The DTSTAMP of every entry as ical.js reads it, in the form of {@link icsUtc}. */
function stamps(text: string): string[] {
  return parse(text).events.map((e) =>
    icsUtc((e.component.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate()),
  );
}

describe('calendar feeds answer conditional requests (ETag, Last-Modified, 304)', () => {
  let t: TestApp;
  let built: Built;
  let token: string;
  // the last changes as stored: DTSTAMP and Last-Modified must come from here, not from the clock
  const EVENT_CHANGED = new Date('2026-11-02T08:15:00Z');
  const ITEM_CHANGED = new Date('2026-11-03T09:00:07Z');
  beforeAll(async () => {
    t = await startTestApp();
    token = await login(t);
    const em = t.app.get(MikroORM).em.fork();
    const owner = em.create(Organizer, {
      email: 'cond-owner@test.example',
      name: 'Cond Owner',
      passwordHash: 'not-used',
    });
    built = await buildEvent(em, owner, 'bedingt-2027', EventStatus.PUBLISHED, {
      day: firstWeekdayOf(6, 2, { plusDays: 7 }).date,
      offset: '+02:00',
    });
    const conn = em.getConnection();
    await conn.execute(`update events set updated_at = ? where id = ?`, [
      EVENT_CHANGED,
      built.event.id,
    ]);
    await conn.execute(`update agenda_items set updated_at = ? where event_id = ?`, [
      EVENT_CHANGED,
      built.event.id,
    ]);
    await conn.execute(`update workshops set updated_at = ? where event_id = ?`, [
      EVENT_CHANGED,
      built.event.id,
    ]);
    await conn.execute(`update agenda_items set updated_at = ? where id = ?`, [
      ITEM_CHANGED,
      built.keynote.id,
    ]);
  });
  afterAll(() => t.close());

  const url = () => `${t.baseUrl}/calendar/events/bedingt-2027.ics`;

  it('stamps every entry with the last change and serves the same bytes and ETag each time', async () => {
    const first = await fetch(url());
    const firstText = await first.text();
    expect(first.status).toBe(200);
    expect(stamps(firstText).every((s) => s === icsUtc(ITEM_CHANGED))).toBe(true);
    expect(firstText).toContain(`DTSTAMP:${icsUtc(ITEM_CHANGED)}`);
    expect(first.headers.get('last-modified')).toBe(ITEM_CHANGED.toUTCString());
    expect(first.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const second = await fetch(url());
    expect(await second.text()).toBe(firstText);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
  });

  it('answers 304 without a body to If-None-Match and to If-Modified-Since', async () => {
    const first = await fetch(url());
    await first.text();
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    const notModified: Array<Record<string, string>> = [
      { 'if-none-match': etag },
      { 'if-none-match': `"other", W/${etag}` },
      { 'if-none-match': '*' },
      { 'if-modified-since': lastModified },
      { 'if-modified-since': new Date(ITEM_CHANGED.getTime() + 60_000).toUTCString() },
    ];
    for (const headers of notModified) {
      const res = await fetch(url(), { headers });
      expect([JSON.stringify(headers), res.status]).toEqual([JSON.stringify(headers), 304]);
      expect(await res.text()).toBe('');
      expect(res.headers.get('etag')).toBe(etag);
      expect(res.headers.get('last-modified')).toBe(lastModified);
    }
    const modified: Array<Record<string, string>> = [
      { 'if-none-match': '"something-else"' },
      { 'if-modified-since': new Date(ITEM_CHANGED.getTime() - 1000).toUTCString() },
      // If-None-Match decides when both are sent (RFC 9110 §13.2.2)
      { 'if-none-match': '"something-else"', 'if-modified-since': lastModified },
      { 'if-modified-since': 'not a date' },
    ];
    for (const headers of modified) {
      const res = await fetch(url(), { headers });
      expect([JSON.stringify(headers), res.status]).toEqual([JSON.stringify(headers), 200]);
      expect(await res.text()).toMatch(/^BEGIN:VCALENDAR/);
    }
  });

  it('serves a personal feed without the participant, with 304 until the registration changes', async () => {
    const who = participant({ firstName: 'Ayşe', lastName: 'Yılmaz-Feedtest' });
    const made = await register(t, {
      eventId: built.event.id,
      participant: who,
      workshopIds: [built.workshops[1].id],
    });
    expect(made.__typename).toBe('RegistrationSuccess');
    const feedUrl = made.registration!.calendarUrl.replace(t.config.publicBaseUrl, t.baseUrl);
    const first = await fetch(feedUrl);
    const text = await first.text();
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toMatch(/private/);
    // safe to share: neither ATTENDEE nor the participant's name or address
    const { events } = parse(text);
    expect(events.length).toBeGreaterThan(1);
    for (const e of events) expect(e.component.getAllProperties('attendee')).toEqual([]);
    expect(text).not.toMatch(/ATTENDEE/i);
    for (const secret of [who.email, who.lastName as string]) {
      expect(text.replace(/\r\n /g, '')).not.toContain(secret);
    }
    const lastModified = new Date(first.headers.get('last-modified')!);
    expect(stamps(text).every((s) => s === icsUtc(lastModified))).toBe(true);

    const etag = first.headers.get('etag')!;
    const again = await fetch(feedUrl, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    const changedTo = await update(t, made.manageToken!, { workshopIds: [built.workshops[0].id] });
    expect(changedTo.__typename).toBe('Registration');
    const changed = await fetch(feedUrl, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    const changedText = (await changed.text()).replace(/\r\n /g, '');
    expect(changedText).toContain(`item-${built.workshops[0].id}@`);
  });
  it('moves ETag and Last-Modified on a change and on a removal', async () => {
    const before = await fetch(url());
    await before.text();
    const etag = before.headers.get('etag')!;
    await t.data(
      `mutation($id: ID!) { updateAgendaItem(id: $id, input: { room: "Foyer" }) { id } }`,
      { id: built.keynote.id },
      { token },
    );
    const moved = await fetch(url(), { headers: { 'if-none-match': etag } });
    const movedText = await moved.text();
    expect(moved.status).toBe(200);
    expect(movedText).toContain('Foyer');
    const movedAt = new Date(moved.headers.get('last-modified')!);
    expect(movedAt.getTime()).toBeGreaterThan(ITEM_CHANGED.getTime());
    expect(stamps(movedText).every((s) => s === icsUtc(movedAt))).toBe(true);
    expect(moved.headers.get('etag')).not.toBe(etag);

    // the personal feed's participant moved from this one to the other: it holds no seat
    const gone = built.workshops[1];
    // as if everything so far was long ago: only the removal can move Last-Modified now
    const conn = t.app.get(MikroORM).em.fork().getConnection();
    for (const table of ['events', 'agenda_items', 'workshops']) {
      const column = table === 'events' ? 'id' : 'event_id';
      await conn.execute(`update ${table} set updated_at = ? where ${column} = ?`, [
        ITEM_CHANGED,
        built.event.id,
      ]);
    }
    await t.data(`mutation($id: ID!) { removeWorkshop(id: $id) }`, { id: gone.id }, { token });
    const after = await fetch(url(), {
      headers: { 'if-modified-since': ITEM_CHANGED.toUTCString() },
    });
    const afterText = await after.text();
    expect(after.status).toBe(200);
    expect(afterText).not.toContain(`workshop-${gone.id}@`);
    const removedAt = new Date(after.headers.get('last-modified')!);
    expect(removedAt.getTime()).toBeGreaterThan(ITEM_CHANGED.getTime());
    expect(stamps(afterText).every((s) => s === icsUtc(removedAt))).toBe(true);
  });
});
