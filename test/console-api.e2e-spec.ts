import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, TEST_ORGANIZER, type TestApp } from './harness/index.js';
import { addItem, addWorkshop, createEvent, day, publish } from './factories/events.js';
import { createOrganizer, login } from './factories/organizers.js';
import { cancel, register } from './registrations-helpers.js';

// The API behind the console's event and account features (issue 13): copying an
// event with its programme to another day, unpublishing, the organizer's own
// overview with past events and counts, passwords and deactivated accounts.

const EVENT = `id slug title status timeZone startsAt endsAt registrationOpensAt registrationClosesAt
  capacity seatsTaken waitlistCount registrationCount venue { name city } organizerName
  agenda { kind title startsAt endsAt room speakers { name affiliation }
    workshops { number title room capacity seatsTaken hosts { name affiliation } } }`;

/** The instant of a Berlin wall-clock time with an explicit offset (+01:00 winter, +02:00 summer). */
const berlin = (date: string, time: string, offset: '+01:00' | '+02:00') =>
  new Date(`${date}T${time}:00${offset}`).toISOString();

interface EventData {
  id: string;
  slug: string;
  status: string;
  startsAt: string;
  endsAt: string;
  registrationOpensAt: string | null;
  registrationClosesAt: string;
  registrationCount: number;
  waitlistCount: number;
  seatsTaken: number;
  agenda: Array<{
    kind: string;
    title: string;
    startsAt: string;
    endsAt: string;
    room: string | null;
    speakers: Array<{ name: string; affiliation: string | null }>;
    workshops: Array<{
      number: number;
      title: string;
      room: string | null;
      capacity: number;
      seatsTaken: number;
      hosts: Array<{ name: string; affiliation: string | null }>;
    }>;
  }>;
}

describe('console API: events', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp();
    token = await login(t);
  });
  afterAll(() => t.close());

  const read = async (id: string, as = token) =>
    (
      await t.data<{ event: EventData }>(
        `query($id: ID!) { event(id: $id) { ${EVENT} } }`,
        { id },
        {
          token: as,
        },
      )
    ).event;

  it('copies an event with its whole programme to a day after the change to summer time: 09:30 stays 09:30', async () => {
    // Tuesday 2031-03-18 is winter time (+01:00); Berlin changes to +02:00 on 2031-03-30
    const source = await createEvent(t, token, {
      title: 'Transferforum Köln',
      startsAt: berlin('2031-03-18', '09:30', '+01:00'),
      endsAt: berlin('2031-03-18', '16:30', '+01:00'),
      registrationOpensAt: berlin('2031-02-01', '08:00', '+01:00'),
      registrationClosesAt: berlin('2031-03-11', '18:00', '+01:00'),
      capacity: 40,
    });
    await addItem(t, token, source.id, {
      kind: 'KEYNOTE',
      title: 'Zusammenarbeit in der Kommune',
      startsAt: berlin('2031-03-18', '10:00', '+01:00'),
      endsAt: berlin('2031-03-18', '10:45', '+01:00'),
      room: 'Großer Saal',
      speakers: [{ name: 'Dr. Ute Süß', affiliation: 'Stadt Essen' }],
    });
    const phase = await addItem(t, token, source.id, {
      kind: 'WORKSHOP_PHASE',
      title: 'Arbeitsphase I',
      startsAt: berlin('2031-03-18', '11:00', '+01:00'),
      endsAt: berlin('2031-03-18', '12:30', '+01:00'),
    });
    for (const n of [1, 2]) {
      await addWorkshop(t, token, phase.id, {
        title: `Workshop Nummer ${n}`,
        capacity: 20,
        room: `Raum ${n}`,
        hosts: [{ name: `Jörg Maß ${n}`, affiliation: 'Jugendamt' }],
      });
    }
    await publish(t, token, source.id);

    const copied = await t.data<{ copyEvent: EventData }>(
      `mutation($id: ID!, $date: String!) { copyEvent(id: $id, newStartDate: $date) { ${EVENT} } }`,
      { id: source.id, date: '2031-04-01' },
      { token },
    );
    const copy = copied.copyEvent;
    const original = await read(source.id);
    expect(copy.id).not.toBe(source.id);
    expect(copy.slug).not.toBe(source.slug);
    expect(copy.status).toBe('DRAFT');
    expect(copy.registrationCount).toBe(0);
    expect(copy.startsAt).toBe(berlin('2031-04-01', '09:30', '+02:00'));
    expect(copy.endsAt).toBe(berlin('2031-04-01', '16:30', '+02:00'));
    // the window moves by the same 14 days: both ends still in winter time
    expect(copy.registrationOpensAt).toBe(berlin('2031-02-15', '08:00', '+01:00'));
    expect(copy.registrationClosesAt).toBe(berlin('2031-03-25', '18:00', '+01:00'));
    expect(copy.agenda.map((i) => [i.kind, i.title, i.startsAt, i.endsAt])).toEqual([
      [
        'KEYNOTE',
        'Zusammenarbeit in der Kommune',
        berlin('2031-04-01', '10:00', '+02:00'),
        berlin('2031-04-01', '10:45', '+02:00'),
      ],
      [
        'WORKSHOP_PHASE',
        'Arbeitsphase I',
        berlin('2031-04-01', '11:00', '+02:00'),
        berlin('2031-04-01', '12:30', '+02:00'),
      ],
    ]);
    // texts, people, rooms and seats as in the original; no seat taken
    const strip = (e: EventData) =>
      e.agenda.map(({ startsAt: _s, endsAt: _e, ...rest }) => ({
        ...rest,
        workshops: rest.workshops.map((w) => ({ ...w, seatsTaken: 0 })),
      }));
    expect(strip(copy)).toEqual(strip(original));
    expect(copy.agenda[1].workshops.map((w) => w.seatsTaken)).toEqual([0, 0]);
    // the original is untouched
    expect(original.startsAt).toBe(berlin('2031-03-18', '09:30', '+01:00'));
    expect(original.status).toBe('PUBLISHED');
  });

  it('copies back across the change to winter time, with a chosen slug, and refuses a bad date or a taken slug', async () => {
    const source = await createEvent(t, token, {
      title: 'Herbstforum',
      startsAt: berlin('2031-10-21', '09:30', '+02:00'),
      endsAt: berlin('2031-10-21', '15:00', '+02:00'),
      registrationClosesAt: berlin('2031-10-20', '12:00', '+02:00'),
    });
    const copied = await t.data<{ copyEvent: EventData }>(
      `mutation($id: ID!) { copyEvent(id: $id, newStartDate: "2031-11-04", slug: "herbstforum-2031-11") { ${EVENT} } }`,
      { id: source.id },
      { token },
    );
    expect(copied.copyEvent.slug).toBe('herbstforum-2031-11');
    expect(copied.copyEvent.startsAt).toBe(berlin('2031-11-04', '09:30', '+01:00'));
    expect(copied.copyEvent.registrationClosesAt).toBe(berlin('2031-11-03', '12:00', '+01:00'));

    for (const [date, slug, field] of [
      ['2031-02-30', null, 'newStartDate'],
      ['4.11.2031', null, 'newStartDate'],
      ['2031-11-11', 'herbstforum-2031-11', 'slug'],
    ] as const) {
      const res = await t.gql(
        `mutation($id: ID!, $date: String!, $slug: String) { copyEvent(id: $id, newStartDate: $date, slug: $slug) { id } }`,
        { id: source.id, date, slug },
        { token },
      );
      expect(res.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([
        ['BAD_USER_INPUT', [field]],
      ]);
    }
  });

  it('another organizer can neither copy nor unpublish the event', async () => {
    const event = await createEvent(t, token);
    const other = await createOrganizer(t, token);
    for (const mutation of [
      `mutation($id: ID!) { copyEvent(id: $id, newStartDate: "2031-01-01") { id } }`,
      `mutation($id: ID!) { unpublishEvent(id: $id) { id } }`,
    ]) {
      const res = await t.gql(mutation, { id: event.id }, { token: other.token });
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
  });

  it('unpublishes a published event nobody registered for, refuses once somebody is registered', async () => {
    const at = day(60);
    const event = await createEvent(t, token, { capacity: 1 });
    const phase = await addItem(t, token, event.id, {
      kind: 'WORKSHOP_PHASE',
      title: 'Phase',
      startsAt: at('10:00'),
      endsAt: at('11:00'),
    });
    const workshop = await addWorkshop(t, token, phase.id, { title: 'Nur einer', capacity: 1 });
    await publish(t, token, event.id);
    const UNPUBLISH = `mutation($id: ID!) { unpublishEvent(id: $id) { id status } }`;
    const back = await t.data<{ unpublishEvent: { status: string } }>(
      UNPUBLISH,
      { id: event.id },
      { token },
    );
    expect(back.unpublishEvent.status).toBe('DRAFT');
    // a draft is not public: the anonymous reader no longer finds it
    const hidden = await t.data<{ event: unknown }>(`query($id: ID!) { event(id: $id) { id } }`, {
      id: event.id,
    });
    expect(hidden.event).toBeNull();

    await publish(t, token, event.id);
    const first = await register(t, { eventId: event.id, workshopIds: [workshop.id] });
    const second = await register(t, { eventId: event.id, workshopIds: [workshop.id] });
    expect([first.registration?.status, second.registration?.status]).toEqual([
      'CONFIRMED',
      'WAITLISTED',
    ]);
    const counted = await read(event.id);
    expect([counted.registrationCount, counted.seatsTaken, counted.waitlistCount]).toEqual([
      2, 1, 1,
    ]);

    const refused = await t.gql(
      UNPUBLISH,
      { id: event.id },
      { token, headers: { 'accept-language': 'de' } },
    );
    expect(refused.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([
      ['BAD_USER_INPUT', ['id']],
    ]);
    expect(refused.errors?.[0].message).toContain('2 Personen sind angemeldet');
    expect((await read(event.id)).status).toBe('PUBLISHED');

    // once both have cancelled, nobody is registered any more
    await cancel(t, first.manageToken!);
    await cancel(t, second.manageToken!);
    expect((await read(event.id)).registrationCount).toBe(0);
    const again = await t.data<{ unpublishEvent: { status: string } }>(
      UNPUBLISH,
      { id: event.id },
      { token },
    );
    expect(again.unpublishEvent.status).toBe('DRAFT');
  });

  it('refuses to unpublish a cancelled event', async () => {
    const event = await createEvent(t, token);
    await publish(t, token, event.id);
    await t.data(
      `mutation($id: ID!) { cancelEvent(id: $id, reason: "Hochwasser") { id } }`,
      { id: event.id },
      { token },
    );
    const res = await t.gql(
      `mutation($id: ID!) { unpublishEvent(id: $id) { id } }`,
      { id: event.id },
      { token },
    );
    expect(res.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([
      ['BAD_USER_INPUT', ['id']],
    ]);
    const reason = await t.data<{ event: { status: string; cancelReason: string } }>(
      `query($id: ID!) { event(id: $id) { status cancelReason } }`,
      { id: event.id },
    );
    expect(reason.event).toEqual({ status: 'CANCELLED', cancelReason: 'Hochwasser' });
  });

  it("lists the caller's own events, past ones too; admins see everyone's; anonymous callers none", async () => {
    const other = await createOrganizer(t, token);
    const past = await createEvent(t, other.token, { title: 'Vergangener Fachtag' }, -30);
    const upcoming = await createEvent(t, other.token, { title: 'Kommender Fachtag' }, 30);
    const mine = await createEvent(t, token, { title: 'Fachtag der Admins' }, 40);
    const QUERY = `query($past: Boolean) { managedEvents(includePast: $past) {
      totalCount edges { node { id title registrationCount } } } }`;
    const ids = async (as: string, past?: boolean) =>
      (
        await t.data<{ managedEvents: { edges: Array<{ node: { id: string } }> } }>(
          QUERY,
          { past },
          { token: as },
        )
      ).managedEvents.edges.map((e) => e.node.id);
    expect(await ids(other.token)).toEqual([past.id, upcoming.id]);
    expect(await ids(other.token, false)).toEqual([upcoming.id]);
    const all = await ids(token);
    expect(all).toEqual(expect.arrayContaining([past.id, upcoming.id, mine.id]));
    const anonymous = await t.gql(QUERY, {});
    expect(anonymous.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('console API: accounts', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t);
  });
  afterAll(() => t.close());

  const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { __typename } }`;
  const loginType = async (email: string, password: string) =>
    (await t.data<{ login: { __typename: string } }>(LOGIN, { email, password })).login.__typename;

  it('changes the own password after checking the current one', async () => {
    const other = await createOrganizer(t, admin);
    const CHANGE = `mutation($current: String!, $next: String!) {
      changePassword(currentPassword: $current, newPassword: $next) { id email } }`;
    const wrong = await t.gql(
      CHANGE,
      { current: 'not the password', next: 'ein neues Passwort' },
      { token: other.token },
    );
    expect(wrong.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([
      ['BAD_USER_INPUT', ['currentPassword']],
    ]);
    const short = await t.gql(
      CHANGE,
      { current: 'another good password', next: 'kurz' },
      { token: other.token },
    );
    expect(short.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([
      ['BAD_USER_INPUT', ['newPassword']],
    ]);
    // nothing changed by the refusals
    expect(await loginType(other.email, 'another good password')).toBe('LoginSuccess');

    const done = await t.data<{ changePassword: { email: string } }>(
      CHANGE,
      { current: 'another good password', next: 'ein neues Passwort' },
      { token: other.token },
    );
    expect(done.changePassword.email).toBe(other.email);
    expect(await loginType(other.email, 'another good password')).toBe('InvalidCredentialsError');
    expect(await loginType(other.email, 'ein neues Passwort')).toBe('LoginSuccess');
    const anonymous = await t.gql(CHANGE, { current: 'x', next: 'ein neues Passwort' });
    expect(anonymous.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('admins list and deactivate organizers: no login, old tokens stop working, events stay; reactivation', async () => {
    const other = await createOrganizer(t, admin);
    const event = await createEvent(t, other.token, {
      title: 'Fachtag einer deaktivierten Person',
    });
    const LIST = `{ organizers { id email isAdmin deactivatedAt } }`;
    const list = await t.data<{
      organizers: Array<{ id: string; email: string; deactivatedAt: string | null }>;
    }>(LIST, {}, { token: admin });
    expect(list.organizers.map((o) => o.email)).toEqual(
      expect.arrayContaining([TEST_ORGANIZER.email, other.email]),
    );
    expect(list.organizers.every((o) => o.deactivatedAt === null)).toBe(true);
    const notAdmin = await t.gql(LIST, {}, { token: other.token });
    expect(notAdmin.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const forbidden = await t.gql(
      `mutation($id: ID!) { deactivateOrganizer(id: $id) { id } }`,
      { id: list.organizers.find((o) => o.email === TEST_ORGANIZER.email)!.id },
      { token: other.token },
    );
    expect(forbidden.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);

    const done = await t.data<{ deactivateOrganizer: { deactivatedAt: string | null } }>(
      `mutation($id: ID!) { deactivateOrganizer(id: $id) { deactivatedAt } }`,
      { id: other.id },
      { token: admin },
    );
    expect(done.deactivateOrganizer.deactivatedAt).not.toBeNull();
    // the token issued before is refused at once, like an expired one
    const stale = await t.gql(`{ viewer { id } }`, {}, { token: other.token });
    expect(stale.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(await loginType(other.email, 'another good password')).toBe('InvalidCredentialsError');
    // the event stays, for admins
    const kept = await t.data<{ event: { title: string } }>(
      `query($id: ID!) { event(id: $id) { title } }`,
      { id: event.id },
      { token: admin },
    );
    expect(kept.event.title).toBe('Fachtag einer deaktivierten Person');

    await t.data(
      `mutation($id: ID!) { reactivateOrganizer(id: $id) { id } }`,
      { id: other.id },
      { token: admin },
    );
    expect(await loginType(other.email, 'another good password')).toBe('LoginSuccess');
  });

  it('an admin cannot deactivate themselves', async () => {
    const me = await t.data<{ viewer: { id: string } }>(`{ viewer { id } }`, {}, { token: admin });
    const res = await t.gql(
      `mutation($id: ID!) { deactivateOrganizer(id: $id) { id } }`,
      { id: me.viewer.id },
      { token: admin },
    );
    expect(res.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([
      ['BAD_USER_INPUT', ['id']],
    ]);
    const unknown = await t.gql(
      `mutation($id: ID!) { deactivateOrganizer(id: $id) { id } }`,
      { id: '00000000-0000-4000-8000-000000000000' },
      { token: admin },
    );
    expect(unknown.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
  });
});
