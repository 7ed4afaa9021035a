import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { MailWorker } from '@fachtag/mail';
import { SmtpSink, startTestApp, type TestApp, closeAll } from './harness/index.js';
import { addItem, addWorkshop, createEvent, day, publish } from './factories/events.js';
import { login } from './factories/organizers.js';
import { freshEm, participant, register, update } from './registrations-helpers.js';
import { sql } from '@fachtag/database';

// Issue 11 items 4 and 5: mails that contradict what happened. The app's worker is
// stopped while the changes are made and started afterwards, so every mail job of a
// scenario is queued before any runs: what arrives depends on the state, not on timing.

const berlin = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
/** "11:30 – 13:00 Uhr", as a German mail writes a span of these instants. */
const span = (start: string, end: string) =>
  `${berlin.format(new Date(start))} – ${berlin.format(new Date(end))} Uhr`;

interface Vevent {
  uid: string;
  sequence: number;
  /** Everything the entry says besides DTSTAMP, in a comparable form. */
  content: string;
}

/** The VEVENTs of every text/calendar attachment, read by ical.js (an independent parser). */
function vevents(mail: ParsedMail): Vevent[] {
  return mail.attachments
    .filter((a) => a.contentType === 'text/calendar')
    .flatMap((a) => {
      const calendar = new ICAL.Component(ICAL.parse(a.content.toString('utf8')));
      const method = String(calendar.getFirstPropertyValue('method'));
      return calendar.getAllSubcomponents('vevent').map((v) => {
        const event = new ICAL.Event(v);
        const props = v
          .getAllProperties()
          .filter((p) => p.name !== 'dtstamp')
          .map((p) => `${p.name}=${JSON.stringify(p.getValues())}`)
          .sort();
        return {
          uid: event.uid,
          sequence: event.sequence,
          content: [method, ...props].join('\n'),
        };
      });
    });
}

describe('mails never contradict what happened (issue 11 items 4 and 5)', () => {
  const sink = new SmtpSink();
  let t: TestApp;
  let token: string;
  let worker: MailWorker;

  beforeAll(async () => {
    await sink.start();
    t = await startTestApp({ SMTP_URL: sink.url, MAIL_POLL_SECONDS: '0.5', RUN_WORKER: 'false' });
    token = await login(t);
    worker = t.app.get(MailWorker);
  });
  afterAll(() =>
    closeAll(
      () => worker?.stop(),
      () => t?.close(),
      () => sink.stop(),
    ),
  );

  /** Runs the worker until no mail job is waiting any more, then stops it again. */
  async function deliverAll(): Promise<void> {
    await worker.start();
    for (let i = 0; i < 300; i++) {
      const [open] = await sql<{ n: number }>(
        freshEm(t),
        `select count(*)::int as n from pgboss.job where name = 'mail'
          and state in ('created', 'retry', 'active')`,
      );
      if (open.n === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await worker.stop();
  }

  /** The mails an address received, parsed, oldest first; taken out of the sink. */
  async function mailsTo(address: string): Promise<ParsedMail[]> {
    const mine = sink.received.filter((m) => m.to.includes(address));
    sink.received.splice(
      0,
      sink.received.length,
      ...sink.received.filter((m) => !mine.includes(m)),
    );
    return Promise.all(mine.map((m) => SmtpSink.parse(m)));
  }

  /** A published event with one workshop phase of `workshops` (title, room, capacity). */
  async function buildEvent(
    capacity: number,
    workshops: Array<{ title: string; room: string; capacity: number }>,
  ) {
    const at = day(70);
    const event = await createEvent(t, token, { capacity, contactEmail: 'orga@dkjs.example' }, 70);
    const phase = {
      title: 'Arbeitsphase I',
      startsAt: at('11:30'),
      endsAt: at('13:00'),
    };
    const { id: phaseId } = await addItem(t, token, event.id, { kind: 'WORKSHOP_PHASE', ...phase });
    const made = [];
    for (const w of workshops) made.push({ ...w, ...(await addWorkshop(t, token, phaseId, w)) });
    await publish(t, token, event.id);
    return { event, phase: { id: phaseId, ...phase }, workshops: made, at };
  }

  it('keeps a cancelled event read-only apart from its texts, with clear errors', async () => {
    const { event, phase, workshops } = await buildEvent(10, [
      { title: 'Haus der Integration', room: 'Raum 1', capacity: 5 },
      { title: 'Kreisweites Konzept', room: 'Raum 2', capacity: 5 },
    ]);
    await t.data(
      `mutation($id: ID!) { cancelEvent(id: $id, reason: "Unwetter") { id } }`,
      { id: event.id },
      { token },
    );
    const at = day(70);
    const refused: Array<[string, Record<string, unknown>, string[]]> = [
      [
        `mutation($id: ID!) { updateEvent(id: $id, input: { startsAt: "${at('10:00')}" }) { id } }`,
        { id: event.id },
        ['startsAt'],
      ],
      [
        `mutation($id: ID!) { updateEvent(id: $id, input: { capacity: 500 }) { id } }`,
        { id: event.id },
        ['capacity'],
      ],
      [
        `mutation($id: ID!) { updateAgendaItem(id: $id, input: { room: "Foyer" }) { id } }`,
        { id: phase.id },
        ['room'],
      ],
      [
        `mutation($id: ID!) { updateWorkshop(id: $id, input: { room: "Großer Saal" }) { id } }`,
        { id: workshops[0].id },
        ['room'],
      ],
      [
        `mutation($id: ID!) { addWorkshop(phaseId: $id, input: { title: "Neu", capacity: 3 }) { id } }`,
        { id: phase.id },
        ['phaseId'],
      ],
      [`mutation($id: ID!) { removeWorkshop(id: $id) }`, { id: workshops[1].id }, ['id']],
    ];
    for (const [query, variables, field] of refused) {
      const res = await t.gql(query, variables, { token });
      expect(res.status).toBe(200);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(res.errors?.[0].message).toMatch(/cancelled/);
    }
    // texts stay editable, also when a form sends the unchanged values along
    const fixed = await t.data<{ updateEvent: { title: string; startsAt: string } }>(
      `mutation($id: ID!, $startsAt: DateTime) {
        updateEvent(id: $id, input: { title: "Fachtag (abgesagt)", startsAt: $startsAt }) { title startsAt }
      }`,
      { id: event.id, startsAt: event.startsAt },
      { token },
    );
    expect(fixed.updateEvent.title).toBe('Fachtag (abgesagt)');
    const renamed = await t.data<{ updateWorkshop: { title: string; room: string } }>(
      `mutation($id: ID!) { updateWorkshop(id: $id, input: { title: "Haus der Integration II" }) { title room } }`,
      { id: workshops[0].id },
      { token },
    );
    expect(renamed.updateWorkshop).toEqual({ title: 'Haus der Integration II', room: 'Raum 1' });
  });

  it('does not confirm a seat of an event cancelled while the confirmation was queued', async () => {
    const { event, workshops } = await buildEvent(10, [
      { title: 'Haus der Integration', room: 'Raum 1', capacity: 5 },
    ]);
    const who = participant();
    const made = await register(t, {
      eventId: event.id,
      participant: who,
      workshopIds: [workshops[0].id],
    });
    expect(made.registration?.status).toBe('CONFIRMED');
    await t.data(
      `mutation($id: ID!) { cancelEvent(id: $id, reason: "Unwetter") { id } }`,
      { id: event.id },
      { token },
    );
    await deliverAll();
    const mails = await mailsTo(who.email);
    expect(mails.map((m) => m.subject)).toEqual([`Abgesagt: ${event.title}`]);
    expect(mails[0].text).not.toContain('bestätigt');
  });

  it('tells quick successive changes in one mail per participant: old → new time and room, the dropped workshop by name', async () => {
    const rooms = { first: 'Raum 1', second: 'Raum 2', moved: 'Großer Saal' };
    const { event, phase, workshops, at } = await buildEvent(10, [
      { title: 'Haus der Integration', room: rooms.first, capacity: 5 },
      { title: 'Kreisweites Konzept', room: rooms.second, capacity: 5 },
    ]);
    const [w1, w2] = workshops;
    const stays = participant({ firstName: 'Ayşe' });
    const switches = participant({ firstName: 'Jonas' });
    await register(t, { eventId: event.id, participant: stays, workshopIds: [w1.id] });
    const other = await register(t, {
      eventId: event.id,
      participant: switches,
      workshopIds: [w1.id],
    });
    await deliverAll();
    const confirmations = [...(await mailsTo(stays.email)), ...(await mailsTo(switches.email))];
    expect(confirmations.map((m) => m.subject)).toEqual([
      `Anmeldung bestätigt: ${event.title}`,
      `Anmeldung bestätigt: ${event.title}`,
    ]);

    // three changes in quick succession: the phase's time, the workshop's room, one participant's choice
    const moved = { startsAt: at('12:00'), endsAt: at('13:30') };
    await t.data(
      `mutation($id: ID!, $input: UpdateAgendaItemInput!) { updateAgendaItem(id: $id, input: $input) { id } }`,
      { id: phase.id, input: moved },
      { token },
    );
    await t.data(
      `mutation($id: ID!, $room: String) { updateWorkshop(id: $id, input: { room: $room }) { id } }`,
      { id: w1.id, room: rooms.moved },
      { token },
    );
    const switched = await update(t, other.manageToken!, { workshopIds: [w2.id] });
    expect(switched.__typename).toBe('Registration');
    await deliverAll();

    const timeLine = `${phase.title}, Zeit: ${span(phase.startsAt, phase.endsAt)} → ${span(moved.startsAt, moved.endsAt)}`;
    const roomLine = `Workshop ${w1.number}: ${w1.title}, Raum: ${rooms.first} → ${rooms.moved}`;

    const [toStays, ...moreStays] = await mailsTo(stays.email);
    expect(moreStays).toEqual([]);
    expect(toStays.subject).toBe(`Programmänderung: ${event.title}`);
    expect(toStays.text).toContain(timeLine);
    expect(toStays.text).toContain(roomLine);

    const [toSwitches, ...moreSwitches] = await mailsTo(switches.email);
    expect(moreSwitches).toEqual([]);
    expect(toSwitches.subject).toBe(`Anmeldung geändert: ${event.title}`);
    expect(toSwitches.text).toContain(timeLine);
    expect(toSwitches.text).toContain(`Entfällt für Sie: Workshop ${w1.number}: ${w1.title}`);
    expect(toSwitches.text).toContain(`Neu für Sie: Workshop ${w2.number}: ${w2.title}`);
    // the room of a workshop no longer theirs is none of their business
    expect(toSwitches.text).not.toContain(roomLine);

    // per participant, one SEQUENCE of an entry is never sent with two different contents
    for (const mails of [
      [confirmations[0], toStays],
      [confirmations[1], toSwitches],
    ]) {
      const seen = new Map<string, string>();
      for (const entry of mails.flatMap(vevents)) {
        const key = `${entry.uid}#${entry.sequence}`;
        expect([key, seen.get(key) ?? entry.content]).toEqual([key, entry.content]);
        seen.set(key, entry.content);
      }
    }
    // and the dropped workshop leaves the calendar: a CANCEL of the confirmation's entry, later SEQUENCE
    const confirmed = vevents(confirmations[1]).find((e) => e.uid.includes(w1.id))!;
    const cancelled = vevents(toSwitches).find((e) => e.uid.includes(w1.id))!;
    expect(cancelled.content).toMatch(/^CANCEL\n/);
    expect(cancelled.sequence).toBeGreaterThan(confirmed.sequence);
  });

  it('tells a promoted participant which workshops differ from their wishes and how to change them', async () => {
    const { event, workshops } = await buildEvent(2, [
      { title: 'Haus der Integration', room: 'Raum 1', capacity: 1 },
      { title: 'Kreisweites Konzept', room: 'Raum 2', capacity: 5 },
    ]);
    const [wished, other] = workshops;
    const first = participant();
    const second = participant();
    const waiting = participant({ firstName: 'Mira' });
    await register(t, { eventId: event.id, participant: first, workshopIds: [wished.id] });
    const b = await register(t, {
      eventId: event.id,
      participant: second,
      workshopIds: [other.id],
    });
    const c = await register(t, {
      eventId: event.id,
      participant: waiting,
      workshopIds: [wished.id],
    });
    expect(c.registration?.status).toBe('WAITLISTED');
    // a seat of the event frees up, but the wished workshop stays full
    await t.data(
      `mutation($id: ID!) { cancelRegistrationAsOrganizer(id: $id) { id } }`,
      { id: b.registration!.id },
      { token },
    );
    await deliverAll();
    const promoted = (await mailsTo(waiting.email)).find((m) => /^Platz frei/.test(m.subject!))!;
    expect(promoted.text).toContain(
      `Arbeitsphase I: Sie sind in Workshop ${other.number} „${other.title}“ eingetragen, statt in Ihrem Wunsch Workshop ${wished.number} „${wished.title}“.`,
    );
    expect(promoted.text).toMatch(/können Sie Ihre Workshops über den Link unten ändern/);
    expect(promoted.text).toContain(`/verwalten#${c.manageToken}`);
    expect(promoted.html).toContain(`${wished.title}`);

    // a promotion into the wished workshops says nothing of the kind
    const d = participant();
    const e = participant();
    const capacityEvent = await buildEvent(1, [
      { title: 'Dialogische Haltung', room: 'Raum 3', capacity: 5 },
    ]);
    const holder = await register(t, {
      eventId: capacityEvent.event.id,
      participant: d,
      workshopIds: [capacityEvent.workshops[0].id],
    });
    await register(t, {
      eventId: capacityEvent.event.id,
      participant: e,
      workshopIds: [capacityEvent.workshops[0].id],
    });
    await t.data(
      `mutation($id: ID!) { cancelRegistrationAsOrganizer(id: $id) { id } }`,
      { id: holder.registration!.id },
      { token },
    );
    await deliverAll();
    const asWished = (await mailsTo(e.email)).find((m) => /^Platz frei/.test(m.subject!))!;
    expect(asWished.text).not.toContain('Wunsch-Workshops');
  });
});
