import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { simpleParser } from 'mailparser';
import { SmtpSink, startTestApp, type TestApp, closeAll } from './harness/index.js';
import { addItem, addWorkshop, publish } from './factories/events.js';
import { firstWeekdayOf } from './factories/dates.js';
import { login } from './factories/organizers.js';
import {
  cancel,
  mailJobs,
  participant,
  register,
  settledMailJobs,
  update,
} from './registrations-helpers.js';

/** One VEVENT as ical.js reads it. */
interface Vevent {
  uid: string;
  sequence: number;
  status: string;
  summary: string;
  start: Date;
  location: string;
}

function parseCalendar(text: string): { method: string; events: Vevent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return {
    method: String(calendar.getFirstPropertyValue('method')),
    events: calendar.getAllSubcomponents('vevent').map((c) => {
      const event = new ICAL.Event(c);
      return {
        uid: event.uid,
        sequence: event.sequence,
        status: String(c.getFirstPropertyValue('status')),
        summary: event.summary,
        start: event.startDate.toJSDate(),
        location: event.location,
      };
    }),
  };
}

/** The text/calendar attachments of a mail, with the `method` of their Content-Type. */
function calendars(mail: ParsedMail): Array<{ contentMethod: string | undefined; text: string }> {
  return mail.attachments
    .filter((a) => a.contentType === 'text/calendar')
    .map((a) => ({
      contentMethod: (a.headers.get('content-type') as { params?: Record<string, string> })?.params
        ?.method,
      text: a.content.toString('utf8'),
    }));
}

// event days from the one clock helper (factories/dates.ts): Tuesdays at least 45 days ahead
const SUMMER = firstWeekdayOf(6);
/** The rooms of the four workshops, as the organizer types them (they name themselves "Raum"). */
const ROOMS = ['Raum 1', 'Raum 2', 'Raum 3', 'Raum 4'];
const WINTER = firstWeekdayOf(1);

const berlin = (d: Date) =>
  new Intl.DateTimeFormat('de-DE', {
    timeZone: 'Europe/Berlin',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(d);

describe('mails to participants', () => {
  const sink = new SmtpSink();
  let t: TestApp;
  let token: string;

  /** Waits for the next mail to this address and parses it with mailparser. */
  async function nextMail(to: string): Promise<ParsedMail> {
    for (let i = 0; i < 300; i++) {
      const index = sink.received.findIndex((m) => m.to.includes(to));
      if (index >= 0) {
        const [mail] = sink.received.splice(index, 1);
        return simpleParser(mail.raw);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no mail to ${to}`);
  }

  /** An event with two phases of two workshops each, published. */
  async function buildEvent(date: string, offset: string, extra: Record<string, unknown> = {}) {
    const at = (hm: string) => `${date}T${hm}:00${offset}`;
    const { createEvent } = await t.data<{ createEvent: { id: string; slug: string } }>(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { id slug } }`,
      {
        input: {
          title: 'Transferforum Köln',
          startsAt: at('09:00'),
          endsAt: at('16:30'),
          organizerName: 'Deutsche Kinder- und Jugendstiftung',
          contactEmail: 'transferforum@dkjs.example',
          costNote: 'Die Veranstaltung ist kostenlos.',
          registrationClosesAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
          venue: {
            name: 'KOMED im MediaPark',
            street: 'Im Mediapark 7',
            postalCode: '50670',
            city: 'Köln',
          },
          capacity: 2,
          ...extra,
        },
      },
      { token },
    );
    const phase1 = await addItem(t, token, createEvent.id, {
      kind: 'WORKSHOP_PHASE',
      title: 'Arbeitsphase I',
      startsAt: at('11:30'),
      endsAt: at('13:00'),
    });
    const phase2 = await addItem(t, token, createEvent.id, {
      kind: 'WORKSHOP_PHASE',
      title: 'Arbeitsphase II',
      startsAt: at('14:00'),
      endsAt: at('15:45'),
    });
    const w = [
      await addWorkshop(t, token, phase1.id, {
        title: 'Haus der Integration',
        capacity: 5,
        room: ROOMS[0],
        hosts: [{ name: 'Jürgen Lemmer', affiliation: 'Stadt Wuppertal' }],
      }),
      await addWorkshop(t, token, phase1.id, {
        title: 'Kreisweites Konzept',
        capacity: 5,
        room: ROOMS[1],
      }),
      await addWorkshop(t, token, phase2.id, {
        title: 'Dialogische Haltung',
        capacity: 5,
        room: ROOMS[2],
      }),
      await addWorkshop(t, token, phase2.id, {
        title: 'Konsultationsworkshops',
        capacity: 5,
        room: ROOMS[3],
      }),
    ];
    await publish(t, token, createEvent.id);
    return { event: createEvent, phases: [phase1, phase2], workshops: w };
  }

  beforeAll(async () => {
    await sink.start();
    t = await startTestApp({ SMTP_URL: sink.url, MAIL_POLL_SECONDS: '0.5' });
    token = await login(t);
  });
  afterAll(() =>
    closeAll(
      () => t?.close(),
      () => sink.stop(),
    ),
  );

  it('confirms, changes and cancels with the same UIDs and a rising SEQUENCE (summer time)', async () => {
    const { event, workshops: w } = await buildEvent(SUMMER.date, '+02:00');
    const who = participant({ firstName: 'Ayşe', lastName: 'Yılmaz' });
    const made = await register(t, {
      eventId: event.id,
      participant: who,
      workshopIds: [w[0].id, w[2].id],
    });
    expect(made.__typename).toBe('RegistrationSuccess');

    const confirmed = await nextMail(who.email);
    expect(confirmed.subject).toBe('Anmeldung bestätigt: Transferforum Köln');
    expect(confirmed.from?.text).toContain('noreply@fachtag.localhost');
    expect(confirmed.text).toContain('Guten Tag Ayşe Yılmaz,');
    expect(confirmed.text).toContain(`Dienstag, ${SUMMER.day}. Juni ${SUMMER.year}`);
    expect(confirmed.text).toContain('09:00 – 16:30 Uhr');
    expect(confirmed.text).toContain('KOMED im MediaPark, Im Mediapark 7, 50670 Köln');
    expect(confirmed.text).toContain(`Workshop 1 – Haus der Integration (${ROOMS[0]})`);
    expect(confirmed.text).toContain('Leitung: Jürgen Lemmer (Stadt Wuppertal)');
    expect(confirmed.text).toContain(made.manageToken!);
    expect(confirmed.text).toContain('Die Veranstaltung ist kostenlos.');
    expect(confirmed.text).toContain('transferforum@dkjs.example');
    expect(confirmed.html).toContain('<strong>Workshop 1: Haus der Integration</strong>');
    expect(confirmed.messageId).toMatch(/^<[0-9a-f-]{36}@fachtag\.localhost>$/);

    const [request] = calendars(confirmed);
    expect(request.contentMethod).toBe('REQUEST');
    expect(request.text).not.toContain(made.manageToken!);
    // the mail's iTIP file names its attendee (the shareable feed does not)
    expect(request.text.replace(/\r\n /g, '')).toContain(`:mailto:${who.email}`);
    const first = parseCalendar(request.text);
    expect(first.method).toBe('REQUEST');
    expect(first.events).toHaveLength(3);
    expect(first.events.map((e) => berlin(e.start))).toEqual(['09:00', '11:30', '14:00']);
    expect(first.events[0].location).toBe('KOMED im MediaPark, Im Mediapark 7, 50670 Köln');
    expect(first.events[1].location).toContain('Raum 1');

    // change the second phase's workshop: updated file plus a CANCEL for the dropped one
    await update(t, made.manageToken!, { workshopIds: [w[0].id, w[3].id] });
    const changed = await nextMail(who.email);
    expect(changed.subject).toBe('Anmeldung geändert: Transferforum Köln');
    const [updatedFile, droppedFile] = calendars(changed);
    const second = parseCalendar(updatedFile.text);
    expect(second.events[0].uid).toBe(first.events[0].uid);
    expect(second.events[1].uid).toBe(first.events[1].uid);
    expect(second.events[0].sequence).toBeGreaterThan(first.events[0].sequence);
    const dropped = parseCalendar(droppedFile.text);
    expect(droppedFile.contentMethod).toBe('CANCEL');
    expect(dropped.events.map((e) => [e.uid, e.status])).toEqual([
      [first.events[2].uid, 'CANCELLED'],
    ]);
    expect(dropped.events[0].sequence).toBeGreaterThan(first.events[2].sequence);

    await cancel(t, made.manageToken!);
    const cancelled = await nextMail(who.email);
    expect(cancelled.subject).toBe('Abmeldung bestätigt: Transferforum Köln');
    const [cancelFile] = calendars(cancelled);
    expect(cancelFile.contentMethod).toBe('CANCEL');
    const third = parseCalendar(cancelFile.text);
    expect(third.method).toBe('CANCEL');
    expect(third.events.map((e) => e.uid)).toEqual(second.events.map((e) => e.uid));
    expect(third.events.every((e) => e.status === 'CANCELLED')).toBe(true);
    third.events.forEach((e, i) => expect(e.sequence).toBeGreaterThan(second.events[i].sequence));
  });

  it('writes winter dates at the right local time, in English for en events', async () => {
    const { event, workshops: w } = await buildEvent(WINTER.date, '+01:00', { language: 'en' });
    const who = participant();
    await register(t, { eventId: event.id, participant: who, workshopIds: [w[1].id, w[2].id] });
    const mail = await nextMail(who.email);
    expect(mail.subject).toBe('Registration confirmed: Transferforum Köln');
    expect(mail.text).toContain(`Tuesday, ${WINTER.day} January ${WINTER.year}`);
    const file = parseCalendar(calendars(mail)[0].text);
    expect(file.events.map((e) => berlin(e.start))).toEqual(['09:00', '11:30', '14:00']);
    expect(file.events[0].start.toISOString()).toBe(`${WINTER.date}T08:00:00.000Z`);
  });

  it('tells the waiting list, promotes with a calendar, and serves the personal calendar URL', async () => {
    const { event, workshops: w } = await buildEvent(SUMMER.date, '+02:00', { capacity: 1 });
    const holder = participant();
    const waiting = participant();
    const a = await register(t, {
      eventId: event.id,
      participant: holder,
      workshopIds: [w[0].id, w[2].id],
    });
    await nextMail(holder.email);
    const b = await register(t, {
      eventId: event.id,
      participant: waiting,
      workshopIds: [w[1].id, w[3].id],
    });
    expect(b.registration?.status).toBe('WAITLISTED');
    const waitlisted = await nextMail(waiting.email);
    expect(waitlisted.subject).toBe('Warteliste: Transferforum Köln');
    expect(calendars(waitlisted)).toHaveLength(0);

    await t.data(
      `mutation($id: ID!) { cancelRegistrationAsOrganizer(id: $id) { id } }`,
      { id: a.registration!.id },
      { token },
    );
    const byOrganizer = await nextMail(holder.email);
    expect(byOrganizer.text).toContain('von den Veranstaltenden storniert');
    const promoted = await nextMail(waiting.email);
    expect(promoted.subject).toBe('Platz frei – Anmeldung bestätigt: Transferforum Köln');
    const file = parseCalendar(calendars(promoted)[0].text);
    expect(file.events).toHaveLength(3);
    expect(file.events.every((e) => e.status === 'CONFIRMED')).toBe(true);

    const feed = await fetch(
      b.registration!.calendarUrl.replace(t.config.publicBaseUrl, t.baseUrl),
    );
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8; method=PUBLISH');
    const served = parseCalendar(await feed.text());
    expect(served.events.map((e) => e.uid)).toEqual(file.events.map((e) => e.uid));
    const unknown = await fetch(`${t.baseUrl}/calendar/registrations/nope.ics`);
    expect(unknown.status).toBe(404);
  });

  it('tells participants about a moved workshop room and a cancelled event', async () => {
    const { event, workshops: w } = await buildEvent(SUMMER.date, '+02:00');
    const who = participant();
    const other = participant();
    const mine = await register(t, {
      eventId: event.id,
      participant: who,
      workshopIds: [w[0].id, w[2].id],
    });
    const theirs = await register(t, {
      eventId: event.id,
      participant: other,
      workshopIds: [w[1].id, w[3].id],
    });
    const before = parseCalendar(calendars(await nextMail(who.email))[0].text);
    const otherConfirmed = parseCalendar(calendars(await nextMail(other.email))[0].text);

    await t.data(
      `mutation($id: ID!) { updateWorkshop(id: $id, input: { room: "Großer Saal" }) { id } }`,
      { id: w[0].id },
      { token },
    );
    const moved = await nextMail(who.email);
    expect(moved.subject).toBe('Programmänderung: Transferforum Köln');
    const after = parseCalendar(calendars(moved)[0].text);
    expect(after.events[1].location).toContain('Großer Saal');
    expect(after.events[1].uid).toBe(before.events[1].uid);
    expect(after.events[1].sequence).toBeGreaterThan(before.events[1].sequence);

    await t.data(
      `mutation($id: ID!) { cancelEvent(id: $id, reason: "Unwetterwarnung") { id } }`,
      { id: event.id },
      { token },
    );
    // each participant's last calendar before the cancellation: the room change, the confirmation
    for (const [address, last] of [
      [who.email, after],
      [other.email, otherConfirmed],
    ] as const) {
      const mail = await nextMail(address);
      expect(mail.subject).toBe('Abgesagt: Transferforum Köln');
      expect(mail.text).toContain('Begründung: Unwetterwarnung');
      const cancelFile = parseCalendar(calendars(mail)[0].text);
      expect(cancelFile.method).toBe('CANCEL');
      // same entries, every one CANCELLED with a higher SEQUENCE, or calendars ignore the CANCEL
      expect(cancelFile.events.map((e) => e.uid)).toEqual(last.events.map((e) => e.uid));
      for (const [i, entry] of cancelFile.events.entries()) {
        expect(entry.status).toBe('CANCELLED');
        expect(entry.sequence).toBeGreaterThan(last.events[i].sequence);
      }
    }
    // exactly one mail per change: every job of the two is done, none waits or retries
    const states = async (id: string) =>
      (await settledMailJobs(t, id)).map((j) => `${j.kind} ${j.state}`);
    expect(await states(mine.registration!.id)).toEqual([
      'registration.confirmed completed',
      'agenda.changed completed',
      'event.cancelled completed',
    ]);
    expect(await states(theirs.registration!.id)).toEqual([
      'registration.confirmed completed',
      'event.cancelled completed',
    ]);
    expect(
      sink.received.filter((m) => m.to.includes(who.email) || m.to.includes(other.email)),
    ).toEqual([]);
  });

  it('shows organizers a permanently refused mail as mailStatus FAILED, a delivered one as SENT', async () => {
    const { event, workshops: w } = await buildEvent(SUMMER.date, '+02:00');
    const bounced = participant();
    const fine = participant();
    const statusOf = async () => {
      const data = await t.data<{
        registrations: { edges: { node: { id: string; mailStatus: string } }[] };
      }>(
        `query($id: ID!) { registrations(eventId: $id) { edges { node { id mailStatus } } } }`,
        { id: event.id },
        { token },
      );
      return Object.fromEntries(
        data.registrations.edges.map((e) => [e.node.id, e.node.mailStatus]),
      );
    };
    // one at a time: the sink refuses whichever message comes next
    sink.failNext(550, 1, 'mailbox unavailable');
    const a = await register(t, {
      eventId: event.id,
      participant: bounced,
      workshopIds: [w[0].id, w[2].id],
    });
    let status = await statusOf();
    for (let i = 0; i < 100 && status[a.registration!.id] !== 'FAILED'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = await statusOf();
    }
    const b = await register(t, {
      eventId: event.id,
      participant: fine,
      workshopIds: [w[1].id, w[3].id],
    });
    await nextMail(fine.email);
    for (let i = 0; i < 50 && status[b.registration!.id] !== 'SENT'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = await statusOf();
    }
    expect(status).toEqual({ [a.registration!.id]: 'FAILED', [b.registration!.id]: 'SENT' });
    // no retry of the refused one: its job failed for good (a waiting retry shows as 'retry')
    expect(await settledMailJobs(t, a.registration!.id)).toEqual([
      { kind: 'registration.confirmed', state: 'failed' },
    ]);
    expect(sink.received.filter((m) => m.to.includes(bounced.email))).toEqual([]);
  });

  it('sends nothing for a refused registration', async () => {
    const { event, workshops: w } = await buildEvent(SUMMER.date, '+02:00');
    const jobsBefore = (await mailJobs(t)).length;
    const who = participant();
    const refused = await register(t, {
      eventId: event.id,
      participant: who,
      workshopIds: [w[0].id, w[1].id], // two workshops of the same phase
    });
    expect(refused.__typename).toBe('InvalidWorkshopSelectionError');
    // positive control: the same person registers validly; the worker takes jobs oldest
    // first, so a mail of the refused attempt would have come before this confirmation
    const made = await register(t, {
      eventId: event.id,
      participant: who,
      workshopIds: [w[0].id, w[2].id],
    });
    expect((await nextMail(who.email)).subject).toBe('Anmeldung bestätigt: Transferforum Köln');
    expect(await settledMailJobs(t, made.registration!.id)).toEqual([
      { kind: 'registration.confirmed', state: 'completed' },
    ]);
    expect(await mailJobs(t)).toHaveLength(jobsBefore + 1);
    expect(sink.received.filter((m) => m.to.includes(who.email))).toEqual([]);
  });
});

describe('mails without SMTP_URL', () => {
  it('land as .eml files in <dataDir>/mail', async () => {
    const t = await startTestApp({ MAIL_POLL_SECONDS: '0.5' });
    try {
      const token = await login(t);
      const { createEvent } = await t.data<{ createEvent: { id: string } }>(
        `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
        {
          input: {
            title: 'Fachtag Bonn',
            startsAt: `${SUMMER.date}T09:00:00+02:00`,
            endsAt: `${SUMMER.date}T16:00:00+02:00`,
            organizerName: 'Servicebüro West',
            registrationClosesAt: new Date(Date.now() + 86_400_000).toISOString(),
          },
        },
        { token },
      );
      await publish(t, token, createEvent.id);
      const who = participant();
      await register(t, { eventId: createEvent.id, participant: who, workshopIds: [] });
      const dir = join(t.config.dataDir, 'mail');
      let files: string[] = [];
      for (let i = 0; i < 100 && files.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
        try {
          files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
        } catch {
          files = [];
        }
      }
      expect(files).toHaveLength(1);
      const parsed = await simpleParser(readFileSync(join(dir, files[0])));
      expect(parsed.subject).toBe('Anmeldung bestätigt: Fachtag Bonn');
      expect((parsed.to as { text: string }).text).toContain(who.email);
    } finally {
      await t.close();
    }
  });
});
