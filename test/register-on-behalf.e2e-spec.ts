import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { simpleParser, type ParsedMail } from 'mailparser';
import ICAL from 'ical.js';
import { SmtpSink, startTestApp, type TestApp, closeAll } from './harness/index.js';
import { createEventFixture, type EventFixtureOptions } from './factories/index.js';
import { createOrganizer, login } from './factories/organizers.js';
import { EventStatus } from '@fachtag/events';
import {
  freshEm,
  MY_REGISTRATION,
  participant,
  register,
  seats,
  type RegistrationData,
} from './registrations-helpers.js';

// An organizer registers someone on their behalf (issue 13): the participants'
// path, also after the cutoff and before the opening, never for a draft or a
// cancelled event; the participant gets the usual mail; the history names the organizer.

const REGISTER_ON_BEHALF = `mutation ($eventId: ID!, $input: RegisterOnBehalfInput!) {
  registerOnBehalf(eventId: $eventId, input: $input) {
    __typename
    ... on ErrorResult { errorCode message }
    ... on InputInvalidError { field }
    ... on WorkshopFullError { workshop { id } }
    ... on Registration { id status email workshops { id number title }
      history { kind actor organizerName toWorkshops { number title } } }
  } }`;

interface Answer {
  __typename: string;
  errorCode?: string;
  message?: string;
  field?: string[];
  id?: string;
  status?: string;
  email?: string;
  workshops?: { id: string; number: number; title: string }[];
  history?: {
    kind: string;
    actor: string;
    organizerName: string | null;
    toWorkshops: { number: number; title: string }[];
  }[];
}

describe('registerOnBehalf', () => {
  const sink = new SmtpSink();
  let t: TestApp;
  let admin: string;
  let other: string;
  let adminName: string;

  const fixture = (options: EventFixtureOptions) => createEventFixture(freshEm(t), options);
  const onBehalf = async (
    eventId: string,
    input: Record<string, unknown>,
    token: string = admin,
  ): Promise<Answer> =>
    (
      await t.data<{ registerOnBehalf: Answer }>(
        REGISTER_ON_BEHALF,
        { eventId, input: { privacyConsent: true, participant: participant(), ...input } },
        { token },
      )
    ).registerOnBehalf;

  /** Waits for the next mail to this address and parses it. */
  async function nextMail(to: string): Promise<ParsedMail> {
    for (let i = 0; i < 300; i++) {
      const index = sink.received.findIndex((m) => m.to.includes(to));
      if (index >= 0) return simpleParser(sink.received.splice(index, 1)[0].raw);
      await new Promise((r) => setTimeout(r, 100)); // polling for an arrival, not a sleep
    }
    throw new Error(`no mail to ${to}`);
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
  afterAll(() =>
    closeAll(
      () => t?.close(),
      () => sink.stop(),
    ),
  );

  it('registers after the cutoff, with the mail, calendar file and a working manage link', async () => {
    const closesAt = new Date(Date.now() - 86_400_000);
    const f = await fixture({ closesAt, phases: [[5, 5]] });
    const w = f.workshops[0][1];
    // participants are refused now
    const own = await register(t, { eventId: f.event.id, workshopIds: [w.id] });
    expect(own.__typename).toBe('RegistrationClosedError');

    const person = participant({ firstName: 'Jürgen', lastName: 'Groß' });
    const made = await onBehalf(f.event.id, { participant: person, workshopIds: [w.id] });
    expect(made).toMatchObject({
      __typename: 'Registration',
      status: 'CONFIRMED',
      email: person.email,
    });
    expect(made.workshops!.map((x) => x.id)).toEqual([w.id]);
    expect((await seats(t, f.event.id)).workshop[w.id]).toBe(1);

    // the history's first entry names the organizer
    expect(made.history![0]).toMatchObject({
      kind: 'REGISTERED',
      actor: 'ORGANIZER',
      organizerName: adminName,
      toWorkshops: [{ number: w.number, title: w.title }],
    });

    const mail = await nextMail(person.email);
    expect(mail.text).toContain(person.firstName);
    const file = mail.attachments.find((a) => a.contentType === 'text/calendar');
    expect(file).toBeDefined();
    const calendar = new ICAL.Component(ICAL.parse(file!.content.toString('utf8')));
    expect(calendar.getAllSubcomponents('vevent').length).toBeGreaterThan(0);
    const link = mail.text?.match(/\/verwalten#([A-Za-z0-9_%-]+)/);
    expect(link).not.toBeNull();
    const mine = await t.data<{ myRegistration: RegistrationData | null }>(MY_REGISTRATION, {
      token: decodeURIComponent(link![1]),
    });
    expect(mine.myRegistration?.id).toBe(made.id);
  });

  it('registers before the opening too', async () => {
    const f = await fixture({ opensAt: new Date(Date.now() + 86_400_000), phases: [[5]] });
    expect(
      (await register(t, { eventId: f.event.id, workshopIds: [f.workshops[0][0].id] })).__typename,
    ).toBe('RegistrationNotOpenError');
    const made = await onBehalf(f.event.id, { workshopIds: [f.workshops[0][0].id] });
    expect(made).toMatchObject({ __typename: 'Registration', status: 'CONFIRMED' });
  });

  it('puts the person on the waiting list when the event is full', async () => {
    const f = await fixture({ capacity: 1, phases: [[5]] });
    const w = f.workshops[0][0];
    expect((await onBehalf(f.event.id, { workshopIds: [w.id] })).status).toBe('CONFIRMED');
    const person = participant();
    const waiting = await onBehalf(f.event.id, { participant: person, workshopIds: [w.id] });
    expect(waiting).toMatchObject({ __typename: 'Registration', status: 'WAITLISTED' });
    expect(waiting.history![0]).toMatchObject({ kind: 'WAITLISTED', actor: 'ORGANIZER' });
    expect((await seats(t, f.event.id)).event).toBe(1);
    const mail = await nextMail(person.email);
    expect(mail.attachments.some((a) => a.contentType === 'text/calendar')).toBe(false);
  });

  it('refuses an address already registered, and a full workshop', async () => {
    const f = await fixture({ phases: [[1, 5]] });
    const [small, big] = f.workshops[0];
    const person = participant();
    await register(t, { eventId: f.event.id, participant: person, workshopIds: [small.id] });
    const again = await onBehalf(f.event.id, {
      participant: { ...person, email: person.email.toUpperCase() },
      workshopIds: [big.id],
    });
    expect(again).toMatchObject({
      __typename: 'AlreadyRegisteredError',
      errorCode: 'ALREADY_REGISTERED',
    });
    const full = await onBehalf(f.event.id, { workshopIds: [small.id] });
    expect(full).toMatchObject({ __typename: 'WorkshopFullError', workshop: { id: small.id } });
    expect((await seats(t, f.event.id)).workshop).toEqual({ [small.id]: 1, [big.id]: 0 });
  });

  it('refuses invalid input naming the field', async () => {
    const f = await fixture({ phases: [[5]] });
    const bad = await onBehalf(f.event.id, {
      participant: participant({ email: 'nicht-gültig' }),
      workshopIds: [f.workshops[0][0].id],
    });
    expect(bad).toMatchObject({ __typename: 'InputInvalidError', field: ['participant', 'email'] });
  });

  it('refuses draft and cancelled events with a clear error', async () => {
    for (const status of [EventStatus.DRAFT, EventStatus.CANCELLED]) {
      const f = await fixture({ status, phases: [[5]] });
      const answer = await onBehalf(f.event.id, { workshopIds: [f.workshops[0][0].id] });
      expect(answer).toMatchObject({ __typename: 'InputInvalidError', field: ['eventId'] });
      expect(answer.message).toMatch(status === EventStatus.DRAFT ? /draft/ : /cancelled/);
      expect((await seats(t, f.event.id)).event).toBe(0);
    }
  });

  it('is for the organizers of the event only', async () => {
    const f = await fixture({ phases: [[5]] });
    const input = {
      privacyConsent: true,
      participant: participant(),
      workshopIds: [f.workshops[0][0].id],
    };
    const forbidden = await t.gql(
      REGISTER_ON_BEHALF,
      { eventId: f.event.id, input },
      { token: other },
    );
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await t.gql(REGISTER_ON_BEHALF, { eventId: f.event.id, input });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await seats(t, f.event.id)).event).toBe(0);
  });
});
