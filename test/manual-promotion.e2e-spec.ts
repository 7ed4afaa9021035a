import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { simpleParser, type ParsedMail } from 'mailparser';
import ICAL from 'ical.js';
import { sql } from '@fachtag/database';
import { SmtpSink, startTestApp, type TestApp } from './harness/index.js';
import { createEventFixture, type EventFixtureOptions } from './factories/index.js';
import { createOrganizer, login } from './factories/organizers.js';
import {
  cancel,
  freshEm,
  participant,
  register,
  seats,
  statusCounts,
  type ResultData,
} from './registrations-helpers.js';

// Manual promotion from the waiting list (issue 13): an organizer confirms a
// chosen waiting participant now, out of the list's order, through the seating
// module; never beyond a capacity (a full event or workshop refuses unless the
// organizer adds exactly that seat); promotion mail with a CONFIRMED calendar
// file; the history names the organizer. And the per-workshop waiting counts.

const PROMOTE = `mutation ($id: ID!, $workshopIds: [ID!], $addSeats: Boolean) {
  promoteRegistration(id: $id, workshopIds: $workshopIds, addSeats: $addSeats) {
    __typename
    ... on ErrorResult { errorCode message }
    ... on InputInvalidError { field }
    ... on WorkshopFullError { workshop { id } alternatives { id } }
    ... on Registration { id status workshops { id number title }
      history { kind actor organizerName fromWorkshops { number } toWorkshops { number title } } }
  } }`;

const WAITING_COUNTS = `query ($id: ID) { event(id: $id) {
  agenda { workshops { id waitingCount } } } }`;

const UPDATE_EVENT = `mutation ($id: ID!, $input: UpdateEventInput!) {
  updateEvent(id: $id, input: $input) { __typename } }`;

interface Answer {
  __typename: string;
  errorCode?: string;
  message?: string;
  field?: string[];
  workshop?: { id: string };
  alternatives?: { id: string }[];
  id?: string;
  status?: string;
  workshops?: { id: string; number: number; title: string }[];
  history?: {
    kind: string;
    actor: string;
    organizerName: string | null;
    fromWorkshops: { number: number }[];
    toWorkshops: { number: number; title: string }[];
  }[];
}

describe('promoteRegistration and Workshop.waitingCount', () => {
  const sink = new SmtpSink();
  let t: TestApp;
  let admin: string;
  let other: string;
  let adminName: string;

  const fixture = (options: EventFixtureOptions) => createEventFixture(freshEm(t), options);
  const promote = async (
    id: string,
    workshopIds: string[] | null = null,
    addSeats = false,
    token: string = admin,
  ): Promise<Answer> =>
    (
      await t.data<{ promoteRegistration: Answer }>(
        PROMOTE,
        { id, workshopIds, addSeats },
        { token },
      )
    ).promoteRegistration;
  const capacities = async (eventId: string) => {
    const em = freshEm(t);
    const [event] = await sql<{ capacity: number | null }>(
      em,
      'select capacity from events where id = $1',
      [eventId],
    );
    const rows = await sql<{ id: string; capacity: number }>(
      em,
      'select id, capacity from workshops where event_id = $1',
      [eventId],
    );
    return {
      event: event.capacity,
      workshop: Object.fromEntries(rows.map((r) => [r.id, r.capacity])) as Record<string, number>,
    };
  };
  const statusOf = async (id: string) =>
    (
      await sql<{ status: string }>(freshEm(t), 'select status from registrations where id = $1', [
        id,
      ])
    )[0].status;

  /** Waits for the next mail to this address and parses it. */
  async function nextMail(to: string): Promise<ParsedMail> {
    for (let i = 0; i < 300; i++) {
      const index = sink.received.findIndex((m) => m.to.includes(to));
      if (index >= 0) return simpleParser(sink.received.splice(index, 1)[0].raw);
      await new Promise((r) => setTimeout(r, 100)); // polling for an arrival, not a sleep
    }
    throw new Error(`no mail to ${to}`);
  }

  /**
   * A full event (capacity 2; one phase: workshop 1 with 1 seat, workshop 2 with 2),
   * two confirmed, then three waiting: wishing workshop 1, 2, 1.
   */
  async function fullEvent() {
    const f = await fixture({ capacity: 2, phases: [[1, 2]], waitlistEnabled: true });
    const [w1, w2] = f.workshops[0];
    const confirmed: ResultData[] = [];
    for (const w of [w1, w2]) {
      confirmed.push(await register(t, { eventId: f.event.id, workshopIds: [w.id] }));
    }
    const people = [participant(), participant(), participant()];
    const waiting: ResultData[] = [];
    for (const [n, w] of [w1, w2, w1].entries()) {
      waiting.push(
        await register(t, { eventId: f.event.id, participant: people[n], workshopIds: [w.id] }),
      );
    }
    expect(confirmed.map((r) => r.registration!.status)).toEqual(['CONFIRMED', 'CONFIRMED']);
    expect(waiting.map((r) => r.registration!.status)).toEqual([
      'WAITLISTED',
      'WAITLISTED',
      'WAITLISTED',
    ]);
    return { f, w1, w2, confirmed, waiting, people };
  }

  beforeAll(async () => {
    await sink.start();
    t = await startTestApp({ SMTP_URL: sink.url, MAIL_POLL_SECONDS: '0.5' });
    admin = await login(t);
    other = (await createOrganizer(t, admin)).token;
    adminName = (
      await t.data<{ viewer: { name: string } }>('{ viewer { name } }', {}, { token: admin })
    ).viewer.name;
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  it('refuses while the event is full, and changes nothing', async () => {
    const { f, w2, waiting } = await fullEvent();
    const before = { seats: await seats(t, f.event.id), capacity: await capacities(f.event.id) };
    const answer = await promote(waiting[1].registration!.id, [w2.id]);
    expect(answer).toMatchObject({ __typename: 'EventFullError', errorCode: 'EVENT_FULL' });
    expect(answer.message).toMatch(/kein Platz frei|No seat is free/);
    expect(await seats(t, f.event.id)).toEqual(before.seats);
    expect(await capacities(f.event.id)).toEqual(before.capacity);
    expect(await statusCounts(t, f.event.id)).toEqual({ CONFIRMED: 2, WAITLISTED: 3 });
  });

  it('refuses a full workshop while the event has a seat (with the free ones of its phase), changes nothing', async () => {
    // a seat in the event but none in the phase: automatic promotion cannot place anybody
    const f = await fixture({ capacity: 2, phases: [[1, 1]], waitlistEnabled: true });
    const [w1, w2] = f.workshops[0];
    await register(t, { eventId: f.event.id, workshopIds: [w1.id] });
    await register(t, { eventId: f.event.id, workshopIds: [w2.id] });
    const waiter = await register(t, { eventId: f.event.id, workshopIds: [w1.id] });
    expect(waiter.registration!.status).toBe('WAITLISTED');
    await t.data(UPDATE_EVENT, { id: f.event.id, input: { capacity: 3 } }, { token: admin });
    expect(await statusOf(waiter.registration!.id)).toBe('WAITLISTED');

    const before = await seats(t, f.event.id);
    const answer = await promote(waiter.registration!.id);
    expect(answer).toMatchObject({ __typename: 'WorkshopFullError', workshop: { id: w1.id } });
    expect(answer.alternatives).toEqual([]);
    expect(await seats(t, f.event.id)).toEqual(before);
    expect(await statusOf(waiter.registration!.id)).toBe('WAITLISTED');

    // with the organizer's extra seat: the workshop's capacity rises by exactly this one
    const added = await promote(waiter.registration!.id, null, true);
    expect(added).toMatchObject({ __typename: 'Registration', status: 'CONFIRMED' });
    expect(await capacities(f.event.id)).toEqual({
      event: 3,
      workshop: { [w1.id]: 2, [w2.id]: 1 },
    });
    expect(await seats(t, f.event.id)).toEqual({
      event: 3,
      workshop: { [w1.id]: 2, [w2.id]: 1 },
    });
  });

  it('promotes a chosen waiting participant out of order, with the mail (CONFIRMED calendar) and a history naming the organizer', async () => {
    const { f, w1, w2, waiting, people } = await fullEvent();
    const second = waiting[1].registration!;
    const answer = await promote(second.id, [w2.id], true);
    expect(answer).toMatchObject({
      __typename: 'Registration',
      id: second.id,
      status: 'CONFIRMED',
    });
    expect(answer.workshops!.map((w) => w.id)).toEqual([w2.id]);
    const promoted = answer.history!.filter((h) => h.kind === 'PROMOTED');
    expect(promoted).toEqual([
      {
        kind: 'PROMOTED',
        actor: 'ORGANIZER',
        organizerName: adminName,
        fromWorkshops: [{ number: w2.number }],
        toWorkshops: [{ number: w2.number, title: w2.title }],
      },
    ]);
    // the event got exactly one seat more; workshop 2 had a free seat and kept its capacity
    expect(await capacities(f.event.id)).toEqual({
      event: 3,
      workshop: { [w1.id]: 1, [w2.id]: 2 },
    });
    expect(await seats(t, f.event.id)).toEqual({
      event: 3,
      workshop: { [w1.id]: 1, [w2.id]: 2 },
    });
    // the others keep waiting, in their order
    const list = await t.data<{ waitingList: { id: string }[] }>(
      'query ($id: ID!) { waitingList(eventId: $id) { id } }',
      { id: f.event.id },
      { token: admin },
    );
    expect(list.waitingList.map((r) => r.id)).toEqual([
      waiting[0].registration!.id,
      waiting[2].registration!.id,
    ]);

    // the waiting list's mail may arrive first (or be superseded): the promotion's is the one
    // with a calendar file saying CONFIRMED, never TENTATIVE
    const statuses = async (mail: ParsedMail) => {
      const file = mail.attachments.find((a) => a.contentType === 'text/calendar');
      if (!file) return [];
      const calendar = new ICAL.Component(ICAL.parse(file.content.toString('utf8')));
      return calendar.getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('status'));
    };
    let confirmedFile: unknown[] = [];
    for (let n = 0; n < 3 && !confirmedFile.includes('CONFIRMED'); n++) {
      confirmedFile = await statuses(await nextMail(people[1].email));
    }
    expect(confirmedFile).toContain('CONFIRMED');
    expect(confirmedFile).not.toContain('TENTATIVE');

    // a second promotion of the same registration is refused: it is not waiting any more
    const again = await promote(second.id, [w2.id], true);
    expect(again).toMatchObject({ __typename: 'InputInvalidError', field: ['id'] });
    expect(await seats(t, f.event.id)).toEqual({
      event: 3,
      workshop: { [w1.id]: 1, [w2.id]: 2 },
    });
  });

  it('refuses cancelled and confirmed registrations, bad selections and malformed ids, never a 5xx', async () => {
    const { f, w1, w2, confirmed, waiting } = await fullEvent();
    await cancel(t, waiting[2].manageToken!);
    const cancelled = await promote(waiting[2].registration!.id, [w1.id], true);
    expect(cancelled).toMatchObject({ __typename: 'InputInvalidError', field: ['id'] });
    const holding = await promote(confirmed[0].registration!.id, [w2.id], true);
    expect(holding).toMatchObject({ __typename: 'InputInvalidError', field: ['id'] });
    expect(holding.message).toMatch(/Warteliste|waitlisted/);
    const twoInPhase = await promote(waiting[0].registration!.id, [w1.id, w2.id], true);
    expect(twoInPhase.__typename).toBe('InvalidWorkshopSelectionError');
    const unknown = await promote(waiting[0].registration!.id, ['not-a-workshop'], true);
    expect(unknown.__typename).toBe('InvalidWorkshopSelectionError');
    const malformed = await promote('not-an-id');
    expect(malformed.__typename).toBe('RegistrationNotFoundError');
    const absent = await promote('00000000-0000-4000-8000-000000000000');
    expect(absent.__typename).toBe('RegistrationNotFoundError');
    expect(await statusCounts(t, f.event.id)).toEqual({
      CONFIRMED: 2,
      WAITLISTED: 2,
      CANCELLED: 1,
    });
  });

  it('refuses another organizer (FORBIDDEN) and anonymous callers, and changes nothing', async () => {
    const { f, w2, waiting } = await fullEvent();
    const id = waiting[1].registration!.id;
    const foreign = await t.gql(
      PROMOTE,
      { id, workshopIds: [w2.id], addSeats: true },
      { token: other },
    );
    expect(foreign.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const anonymous = await t.gql(PROMOTE, { id, workshopIds: [w2.id], addSeats: true });
    expect(anonymous.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(await statusOf(id)).toBe('WAITLISTED');
    expect((await capacities(f.event.id)).event).toBe(2);
  });

  it('counts the waiting wishes per workshop, for the event organizers only', async () => {
    const { f, w1, w2 } = await fullEvent();
    const own = await t.data<{
      event: { agenda: { workshops: { id: string; waitingCount: number }[] }[] };
    }>(WAITING_COUNTS, { id: f.event.id }, { token: admin });
    const counts = Object.fromEntries(
      own.event.agenda.flatMap((a) => a.workshops).map((w) => [w.id, w.waitingCount]),
    );
    expect(counts).toEqual({ [w1.id]: 2, [w2.id]: 1 });
    const foreign = await t.gql(WAITING_COUNTS, { id: f.event.id }, { token: other });
    expect(foreign.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    expect(JSON.stringify(foreign.data)).not.toContain('waitingCount');
    const anonymous = await t.gql(WAITING_COUNTS, { id: f.event.id });
    expect(anonymous.errors?.map((e) => e.extensions?.code)).toContain('UNAUTHENTICATED');
  });

  it('a cancellation, manual promotions and a newcomer at once never overbook', async () => {
    for (let round = 0; round < 4; round++) {
      const f = await fixture({ capacity: 2, phases: [[2]], waitlistEnabled: true });
      const [w] = f.workshops[0];
      const a = await register(t, { eventId: f.event.id, workshopIds: [w.id] });
      await register(t, { eventId: f.event.id, workshopIds: [w.id] });
      const waiting: string[] = [];
      for (let i = 0; i < 3; i++) {
        waiting.push(
          (await register(t, { eventId: f.event.id, workshopIds: [w.id] })).registration!.id,
        );
      }
      // the last seat frees up while the organizer promotes two others by hand and a newcomer registers
      const [, second, third, newcomer] = await Promise.all([
        cancel(t, a.manageToken!),
        promote(waiting[1], [w.id]),
        promote(waiting[2], [w.id]),
        register(t, { eventId: f.event.id, workshopIds: [w.id] }),
      ]);
      const taken = await seats(t, f.event.id);
      const counts = await statusCounts(t, f.event.id);
      expect(taken).toEqual({ event: 2, workshop: { [w.id]: 2 } });
      expect(counts.CONFIRMED).toBe(2);
      expect(await capacities(f.event.id)).toEqual({ event: 2, workshop: { [w.id]: 2 } });
      // somebody waited, so the newcomer waits too; whoever got the seat, nobody got a third
      expect(newcomer.registration!.status).toBe('WAITLISTED');
      const statuses = await Promise.all(waiting.map(statusOf));
      expect(statuses.filter((s) => s === 'CONFIRMED')).toHaveLength(1);
      for (const answer of [second, third]) {
        expect(['Registration', 'EventFullError']).toContain(answer.__typename);
      }
    }
  });
});
