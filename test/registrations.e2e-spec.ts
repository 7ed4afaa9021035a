import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from '@fachtag/database';
import { EventStatus } from '@fachtag/events';
import { WaitlistService } from '@fachtag/seating';
import { startTestApp, type TestApp } from './harness/index.js';
import { createEventFixture, type EventFixtureOptions } from './factories/index.js';
import { createOrganizer, login } from './factories/organizers.js';
import {
  cancel,
  freshEm,
  mailJobs,
  MY_REGISTRATION,
  participant,
  register,
  seats,
  statusCounts,
  update,
} from './registrations-helpers.js';

let t: TestApp;
let adminToken: string;
beforeAll(async () => {
  t = await startTestApp({ RUN_WORKER: 'false' });
  adminToken = await login(t);
});
afterAll(() => t.close());

const fixture = (options: EventFixtureOptions) => createEventFixture(freshEm(t), options);
const ids = (ws: { id: string }[]) => ws.map((w) => w.id);
const exec = (text: string, values: unknown[] = []) => sql(freshEm(t), text, values);
const closeNow = (eventId: string) =>
  exec(`update events set registration_closes_at = now() - interval '1 minute' where id = $1`, [
    eventId,
  ]);

describe('register', () => {
  it('confirms, takes the seats, shows the token once and enqueues the confirmation', async () => {
    const f = await fixture({ capacity: 10, phases: [[5, 5], [5]] });
    const w = f.workshops;
    const result = await register(t, {
      eventId: f.event.id,
      workshopIds: [w[1][0].id, w[0][1].id],
    });
    expect(result.__typename).toBe('RegistrationSuccess');
    const r = result.registration!;
    expect(r.status).toBe('CONFIRMED');
    expect(r.event.id).toBe(f.event.id);
    expect(r.workshops.map((x) => x.number)).toEqual([2, 3]);
    expect(Buffer.from(result.manageToken!, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    // a read-only link, shareable with calendar services: never the manage token
    expect(r.calendarUrl).toMatch(
      new RegExp(`^${t.config.publicBaseUrl}/calendar/registrations/[A-Za-z0-9_-]{22}\\.ics$`),
    );
    expect(r.calendarUrl).not.toContain(result.manageToken);
    expect(await seats(t, f.event.id)).toEqual({
      event: 1,
      workshop: { [w[0][0].id]: 0, [w[0][1].id]: 1, [w[1][0].id]: 1 },
    });
    // the job names the registration, never the token (the worker derives the link)
    expect(await mailJobs(t, r.id)).toEqual([
      { kind: 'registration.confirmed', registrationId: r.id },
    ]);
    // only a hash (and the nonce the token is derived from under the server secret) is stored
    const [row] = await exec(`select * from registrations where id = $1`, [r.id]);
    expect(JSON.stringify(row)).not.toContain(result.manageToken);
  });

  it('finds the registration by its token and nothing by an unknown token', async () => {
    const f = await fixture({ phases: [[5]] });
    const result = await register(t, { eventId: f.event.id, workshopIds: ids(f.workshops[0]) });
    const mine = await t.data<{ myRegistration: { id: string; calendarUrl: string } | null }>(
      MY_REGISTRATION,
      { token: result.manageToken },
    );
    expect(mine.myRegistration?.id).toBe(result.registration!.id);
    expect(mine.myRegistration?.calendarUrl).toBe(result.registration!.calendarUrl);
    const none = await t.data<{ myRegistration: null }>(MY_REGISTRATION, { token: 'x'.repeat(32) });
    expect(none.myRegistration).toBeNull();
  });

  it('refuses before opening with opensAt and after the cutoff with closedAt', async () => {
    const opensAt = new Date(Date.now() + 86_400_000);
    const early = await fixture({ opensAt });
    expect(await register(t, { eventId: early.event.id, workshopIds: [] })).toMatchObject({
      __typename: 'RegistrationNotOpenError',
      errorCode: 'REGISTRATION_NOT_OPEN',
      opensAt: opensAt.toISOString(),
    });
    const closesAt = new Date(Date.now() - 60_000);
    const late = await fixture({ closesAt });
    expect(await register(t, { eventId: late.event.id, workshopIds: [] })).toMatchObject({
      __typename: 'RegistrationClosedError',
      errorCode: 'REGISTRATION_CLOSED',
      closedAt: closesAt.toISOString(),
    });
  });

  it('accepts only published events', async () => {
    const draft = await fixture({ status: EventStatus.DRAFT });
    for (const eventId of [draft.event.id, '00000000-0000-4000-8000-000000000000', 'nope']) {
      expect(await register(t, { eventId, workshopIds: [] })).toMatchObject({
        __typename: 'InputInvalidError',
        field: ['eventId'],
      });
    }
    const cancelled = await fixture({ status: EventStatus.CANCELLED });
    expect((await register(t, { eventId: cancelled.event.id, workshopIds: [] })).__typename).toBe(
      'RegistrationClosedError',
    );
  });

  it('validates participant data with the field path and stores nothing', async () => {
    const f = await fixture({ phases: [[5]] });
    const base = { eventId: f.event.id, workshopIds: ids(f.workshops[0]) };
    const cases: [Record<string, unknown>, string[]][] = [
      [{ participant: participant({ email: 'not an address' }) }, ['participant', 'email']],
      [{ participant: participant({ firstName: ' ' }) }, ['participant', 'firstName']],
      [{ participant: participant({ lastName: 'x'.repeat(101) }) }, ['participant', 'lastName']],
      [
        { participant: participant({ accessibilityNeeds: 'x'.repeat(1001) }) },
        ['participant', 'accessibilityNeeds'],
      ],
      [{ privacyConsent: false }, ['privacyConsent']],
      [{ idempotencyKey: '' }, ['idempotencyKey']],
    ];
    for (const [input, field] of cases) {
      expect(await register(t, { ...base, ...input })).toMatchObject({
        __typename: 'InputInvalidError',
        errorCode: 'INPUT_INVALID',
        field,
      });
    }
    expect(await statusCounts(t, f.event.id)).toEqual({});
    expect((await seats(t, f.event.id)).event).toBe(0);
  });

  it('demands exactly one workshop of this event per phase and names the wrong phase', async () => {
    const f = await fixture({
      phases: [
        [5, 5],
        [5, 5],
      ],
    });
    const other = await fixture({ phases: [[5]] });
    const [p1, p2] = f.workshops;
    const cases = [
      [[p1[0].id], 'Arbeitsphase 2'],
      [[p1[0].id, p1[1].id, p2[0].id], 'Arbeitsphase 1'],
      // the event speaks German, so its refusals do
      [[p1[0].id, other.workshops[0][0].id], 'ist kein Workshop dieser Veranstaltung'],
      [[p1[0].id, 'garbage'], 'ist kein Workshop dieser Veranstaltung'],
    ] as const;
    for (const [workshopIds, text] of cases) {
      const result = await register(t, { eventId: f.event.id, workshopIds });
      expect(result.__typename).toBe('InvalidWorkshopSelectionError');
      expect(result.errorCode).toBe('INVALID_WORKSHOP_SELECTION');
      expect(result.message).toContain(text);
    }
    expect(await statusCounts(t, f.event.id)).toEqual({});
  });

  it('allows one active registration per e-mail, compared case-insensitively', async () => {
    const f = await fixture({ capacity: 5 });
    const first = await register(t, {
      eventId: f.event.id,
      workshopIds: [],
      participant: participant({ email: 'Anna.Schmidt@Example.org' }),
    });
    const again = await register(t, {
      eventId: f.event.id,
      workshopIds: [],
      participant: participant({ email: ' anna.schmidt@EXAMPLE.ORG ' }),
    });
    expect(again).toMatchObject({
      __typename: 'AlreadyRegisteredError',
      errorCode: 'ALREADY_REGISTERED',
    });
    expect((await seats(t, f.event.id)).event).toBe(1);
    // a cancelled registration does not block a new one
    await cancel(t, first.manageToken!);
    const third = await register(t, {
      eventId: f.event.id,
      workshopIds: [],
      participant: participant({ email: 'anna.schmidt@example.org' }),
    });
    expect(third.registration?.status).toBe('CONFIRMED');
  });

  it('gives WorkshopFullError with the phase’s alternatives, most seats left first', async () => {
    const f = await fixture({ phases: [[1, 3, 4, 1], [5]] });
    const [p1, p2] = f.workshops;
    await exec(`update workshops set seats_taken = capacity where id = any($1::uuid[])`, [
      [p1[0].id, p1[3].id],
    ]);
    await exec(`update workshops set seats_taken = 3 where id = $1`, [p1[2].id]);
    const jobsBefore = (await mailJobs(t)).length;
    const result = await register(t, { eventId: f.event.id, workshopIds: [p1[0].id, p2[0].id] });
    expect((await mailJobs(t)).length).toBe(jobsBefore); // rolled back with the registration
    expect(result).toMatchObject({
      __typename: 'WorkshopFullError',
      errorCode: 'WORKSHOP_FULL',
      workshop: { id: p1[0].id, number: 1 },
    });
    // W2: 3 left, W3: 1 left; W4 full
    expect(result.alternatives!.map((a) => a.number)).toEqual([2, 3]);
    expect(await statusCounts(t, f.event.id)).toEqual({});
    expect((await seats(t, f.event.id)).workshop[p2[0].id]).toBe(0);
  });

  it('waitlists when the event is full, keeping the choices as wishes', async () => {
    const f = await fixture({ capacity: 1, phases: [[1, 1]] });
    const [w1, w2] = f.workshops[0];
    await register(t, { eventId: f.event.id, workshopIds: [w1.id] });
    const waiting = await register(t, { eventId: f.event.id, workshopIds: [w2.id] });
    expect(waiting.registration).toMatchObject({
      status: 'WAITLISTED',
      workshops: [{ id: w2.id }],
    });
    expect(await seats(t, f.event.id)).toEqual({ event: 1, workshop: { [w1.id]: 1, [w2.id]: 0 } });
    expect(await mailJobs(t, waiting.registration!.id)).toEqual([
      {
        kind: 'registration.waitlisted',
        registrationId: waiting.registration!.id,
      },
    ]);
    const counted = await t.data<{ myRegistration: { event: { waitlistCount: number } } }>(
      `query ($token: String!) { myRegistration(manageToken: $token) { event { waitlistCount } } }`,
      { token: waiting.manageToken },
    );
    expect(counted.myRegistration.event.waitlistCount).toBe(1);
  });

  it('gives EventFullError when the event is full and has no waiting list', async () => {
    const f = await fixture({ capacity: 1, waitlistEnabled: false });
    await register(t, { eventId: f.event.id, workshopIds: [] });
    expect(await register(t, { eventId: f.event.id, workshopIds: [] })).toMatchObject({
      __typename: 'EventFullError',
      errorCode: 'EVENT_FULL',
    });
    expect(await statusCounts(t, f.event.id)).toEqual({ CONFIRMED: 1 });
  });

  it('returns the first result for a repeated idempotency key and refuses other input under it', async () => {
    const f = await fixture({ capacity: 5, phases: [[5]] });
    const input = {
      eventId: f.event.id,
      workshopIds: ids(f.workshops[0]),
      participant: participant(),
      idempotencyKey: `key-${Date.now()}`,
    };
    const first = await register(t, input);
    const second = await register(t, input);
    expect(second.__typename).toBe('RegistrationSuccess');
    expect(second.registration!.id).toBe(first.registration!.id);
    expect(second.manageToken).toBe(first.manageToken);
    const different = await register(t, { ...input, participant: participant() });
    expect(different).toMatchObject({ __typename: 'InputInvalidError', field: ['idempotencyKey'] });
    expect(await statusCounts(t, f.event.id)).toEqual({ CONFIRMED: 1 });
    expect((await seats(t, f.event.id)).event).toBe(1);
    // the key is stored hashed, the token sealed
    const records = await exec(`select * from idempotency_records`);
    expect(JSON.stringify(records)).not.toContain(input.idempotencyKey);
    expect(JSON.stringify(records)).not.toContain(first.manageToken);
  });

  it('returns the first result to ten identical concurrent requests', async () => {
    const f = await fixture({ capacity: 50, phases: [[50]] });
    const input = {
      eventId: f.event.id,
      workshopIds: ids(f.workshops[0]),
      participant: participant(),
      idempotencyKey: `burst-${Date.now()}`,
    };
    const results = await Promise.all(Array.from({ length: 10 }, () => register(t, input)));
    expect(new Set(results.map((r) => r.__typename))).toEqual(new Set(['RegistrationSuccess']));
    expect(new Set(results.map((r) => r.registration!.id)).size).toBe(1);
    expect(new Set(results.map((r) => r.manageToken)).size).toBe(1);
    expect(await statusCounts(t, f.event.id)).toEqual({ CONFIRMED: 1 });
    expect(await seats(t, f.event.id)).toEqual({
      event: 1,
      workshop: { [f.workshops[0][0].id]: 1 },
    });
  });
});

describe('updateRegistration', () => {
  it('tells the participant about a real change only', async () => {
    const f = await fixture({});
    const who = participant();
    const made = await register(t, { eventId: f.event.id, workshopIds: [], participant: who });
    const jobs = async () => (await mailJobs(t, made.registration!.id)).length;
    expect(await jobs()).toBe(1);
    await update(t, made.manageToken!, { participant: who }); // the same data again
    expect(await jobs()).toBe(1);
    await update(t, made.manageToken!, { participant: { ...who, lastName: 'Musterfrau' } });
    expect(await jobs()).toBe(2);
  });

  it('changes participant data and moves workshop seats, with a change mail', async () => {
    const f = await fixture({
      capacity: 5,
      phases: [
        [5, 5],
        [5, 5],
      ],
    });
    const [p1, p2] = f.workshops;
    const reg = await register(t, { eventId: f.event.id, workshopIds: [p1[0].id, p2[0].id] });
    const changed = await update(t, reg.manageToken!, {
      participant: participant({ firstName: 'Eva', email: 'eva@example.org' }),
      workshopIds: [p1[1].id, p2[0].id],
    });
    expect(changed).toMatchObject({
      __typename: 'Registration',
      firstName: 'Eva',
      email: 'eva@example.org',
      workshops: [{ id: p1[1].id }, { id: p2[0].id }],
    });
    expect(changed.calendarUrl).not.toContain(reg.manageToken);
    expect((await seats(t, f.event.id)).workshop).toEqual({
      [p1[0].id]: 0,
      [p1[1].id]: 1,
      [p2[0].id]: 1,
      [p2[1].id]: 0,
    });
    const kinds = (await mailJobs(t, reg.registration!.id)).map((j) => j.kind);
    expect(kinds).toEqual(['registration.confirmed', 'registration.changed']);
    const [row] = await exec(`select revision from registrations where id = $1`, [
      reg.registration!.id,
    ]);
    expect(row.revision).toBe(1);
  });

  it('refuses a full workshop with alternatives and changes nothing', async () => {
    const f = await fixture({ phases: [[1, 1, 2]] });
    const [a, b, c] = f.workshops[0];
    const mine = await register(t, { eventId: f.event.id, workshopIds: [a.id] });
    await register(t, { eventId: f.event.id, workshopIds: [b.id] });
    const result = await update(t, mine.manageToken!, {
      participant: participant({ firstName: 'Nope' }),
      workshopIds: [b.id],
    });
    expect(result).toMatchObject({ __typename: 'WorkshopFullError', workshop: { id: b.id } });
    expect(result.alternatives!.map((x) => x.id)).toEqual([c.id]);
    expect((await seats(t, f.event.id)).workshop).toEqual({ [a.id]: 1, [b.id]: 1, [c.id]: 0 });
    const [row] = await exec(`select first_name from registrations where id = $1`, [
      mine.registration!.id,
    ]);
    expect(row.first_name).toBe('Erika');
  });

  it('refuses invalid input, an invalid selection, an e-mail taken by another registration and unknown tokens', async () => {
    const f = await fixture({ phases: [[5, 5]] });
    const [a, b] = f.workshops[0];
    const mine = await register(t, { eventId: f.event.id, workshopIds: [a.id] });
    const other = await register(t, {
      eventId: f.event.id,
      workshopIds: [a.id],
      participant: participant({ email: 'Taken@Example.org' }),
    });
    expect(
      await update(t, mine.manageToken!, { participant: participant({ email: '@' }) }),
    ).toMatchObject({ __typename: 'InputInvalidError', field: ['participant', 'email'] });
    expect(
      await update(t, mine.manageToken!, {
        participant: participant({ email: 'taken@example.org' }),
      }),
    ).toMatchObject({ __typename: 'InputInvalidError', field: ['participant', 'email'] });
    expect((await update(t, mine.manageToken!, { workshopIds: [a.id, b.id] })).__typename).toBe(
      'InvalidWorkshopSelectionError',
    );
    expect(await update(t, 'unknown-token', { workshopIds: [b.id] })).toMatchObject({
      __typename: 'RegistrationNotFoundError',
      errorCode: 'REGISTRATION_NOT_FOUND',
    });
    await cancel(t, other.manageToken!);
    expect((await update(t, other.manageToken!, { workshopIds: [b.id] })).__typename).toBe(
      'RegistrationNotFoundError',
    );
  });

  it('changes a waitlisted registration’s wishes without taking seats', async () => {
    const f = await fixture({ capacity: 1, phases: [[5, 5]] });
    const [a, b] = f.workshops[0];
    await register(t, { eventId: f.event.id, workshopIds: [a.id] });
    const waiting = await register(t, { eventId: f.event.id, workshopIds: [a.id] });
    const changed = await update(t, waiting.manageToken!, { workshopIds: [b.id] });
    expect(changed).toMatchObject({ status: 'WAITLISTED', workshops: [{ id: b.id }] });
    expect((await seats(t, f.event.id)).workshop).toEqual({ [a.id]: 1, [b.id]: 0 });
  });

  it('refuses changes and cancellations after the cutoff', async () => {
    const f = await fixture({ phases: [[5, 5]] });
    const [a, b] = f.workshops[0];
    const mine = await register(t, { eventId: f.event.id, workshopIds: [a.id] });
    await closeNow(f.event.id);
    expect(await update(t, mine.manageToken!, { workshopIds: [b.id] })).toMatchObject({
      __typename: 'RegistrationClosedError',
      errorCode: 'REGISTRATION_CLOSED',
    });
    const cancelled = await cancel(t, mine.manageToken!);
    expect(cancelled.__typename).toBe('RegistrationClosedError');
    expect(cancelled.closedAt).toBeDefined();
    expect(await statusCounts(t, f.event.id)).toEqual({ CONFIRMED: 1 });
  });
});

describe('cancelRegistration', () => {
  it('frees the seats and promotes the longest waiting participant with their wishes', async () => {
    const f = await fixture({ capacity: 1, phases: [[1, 5]] });
    const [a, b] = f.workshops[0];
    const holder = await register(t, { eventId: f.event.id, workshopIds: [a.id] });
    const first = await register(t, { eventId: f.event.id, workshopIds: [a.id] });
    const second = await register(t, { eventId: f.event.id, workshopIds: [b.id] });
    const cancelled = await cancel(t, holder.manageToken!);
    expect(cancelled).toMatchObject({
      __typename: 'Registration',
      status: 'CANCELLED',
      workshops: [],
    });
    const promoted = await t.data<{
      myRegistration: { status: string; workshops: { id: string }[] };
    }>(MY_REGISTRATION, { token: first.manageToken });
    expect(promoted.myRegistration).toMatchObject({
      status: 'CONFIRMED',
      workshops: [{ id: a.id }],
    });
    expect(await statusCounts(t, f.event.id)).toEqual({
      CANCELLED: 1,
      CONFIRMED: 1,
      WAITLISTED: 1,
    });
    expect(await seats(t, f.event.id)).toEqual({ event: 1, workshop: { [a.id]: 1, [b.id]: 0 } });
    expect((await mailJobs(t, holder.registration!.id)).map((j) => j.kind)).toEqual([
      'registration.confirmed',
      'registration.cancelled',
    ]);
    expect((await mailJobs(t, first.registration!.id)).map((j) => j.kind)).toEqual([
      'registration.waitlisted',
      'registration.promoted',
    ]);
    expect((await mailJobs(t, second.registration!.id)).map((j) => j.kind)).toEqual([
      'registration.waitlisted',
    ]);
    // a second cancellation is harmless and frees nothing twice
    expect((await cancel(t, holder.manageToken!)).status).toBe('CANCELLED');
    expect((await seats(t, f.event.id)).event).toBe(1);
  });

  it('gives a promoted participant the phase’s workshop with most seats left when the wish is full', async () => {
    const f = await fixture({ capacity: 2, phases: [[1, 2, 3]] });
    const [a, b, c] = f.workshops[0];
    const one = await register(t, { eventId: f.event.id, workshopIds: [b.id] });
    await register(t, { eventId: f.event.id, workshopIds: [a.id] });
    const waiting = await register(t, { eventId: f.event.id, workshopIds: [a.id] });
    await cancel(t, one.manageToken!);
    const mine = await t.data<{ myRegistration: { status: string; workshops: { id: string }[] } }>(
      MY_REGISTRATION,
      { token: waiting.manageToken },
    );
    expect(mine.myRegistration).toMatchObject({ status: 'CONFIRMED', workshops: [{ id: c.id }] });
  });

  it('returns RegistrationNotFoundError for an unknown token', async () => {
    expect(await cancel(t, 'no-such-token')).toMatchObject({
      __typename: 'RegistrationNotFoundError',
    });
  });

  it('promotes on a raised capacity through WaitlistService.promoteWaitlisted', async () => {
    const f = await fixture({ capacity: 1, phases: [[5]] });
    const w = ids(f.workshops[0]);
    await register(t, { eventId: f.event.id, workshopIds: w });
    const a = await register(t, { eventId: f.event.id, workshopIds: w });
    const b = await register(t, { eventId: f.event.id, workshopIds: w });
    const promoted = await freshEm(t).transactional(async (em) => {
      await sql(em, `update events set capacity = 2 where id = $1`, [f.event.id]);
      return t.app.get(WaitlistService).promoteWaitlisted(em, f.event.id);
    });
    expect(promoted).toEqual([a.registration!.id]);
    expect(await statusCounts(t, f.event.id)).toEqual({ CONFIRMED: 2, WAITLISTED: 1 });
    void b;
  });
});

describe('organizers', () => {
  const LIST = `query ($eventId: ID!, $first: Int, $after: String, $status: RegistrationStatus) {
    registrations(eventId: $eventId, first: $first, after: $after, status: $status) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { id status email calendarUrl accessibilityNeeds } }
    } }`;
  const CANCEL_AS_ORGANIZER = `mutation ($id: ID!) {
    cancelRegistrationAsOrganizer(id: $id) { id status } }`;

  it('needs a bearer token for the list and the organizer cancellation', async () => {
    const f = await fixture({});
    const list = await t.gql(LIST, { eventId: f.event.id });
    expect(list.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const cancelled = await t.gql(CANCEL_AS_ORGANIZER, { id: f.event.id });
    expect(cancelled.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses another organizer with FORBIDDEN and lets the owner in', async () => {
    const f = await fixture({});
    const made = await register(t, { eventId: f.event.id, workshopIds: [] });
    const other = await createOrganizer(t, adminToken);
    const list = await t.gql(LIST, { eventId: f.event.id }, { token: other.token });
    expect(list.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const cancelled = await t.gql(
      CANCEL_AS_ORGANIZER,
      { id: made.registration!.id },
      { token: other.token },
    );
    expect(cancelled.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const unknown = await t.gql(
      LIST,
      { eventId: '00000000-0000-4000-8000-000000000000' },
      { token: adminToken },
    );
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('pages through registrations with a status filter and totalCount', async () => {
    const f = await fixture({ capacity: 3 });
    const made = [];
    for (let i = 0; i < 5; i += 1) {
      made.push(
        await register(t, {
          eventId: f.event.id,
          workshopIds: [],
          participant: participant({ accessibilityNeeds: i === 0 ? 'Rollstuhl' : null }),
        }),
      );
    }
    type Page = {
      registrations: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { node: { id: string; status: string; calendarUrl: string } }[];
      };
    };
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page = await t.data<Page>(
        LIST,
        { eventId: f.event.id, first: 2, after },
        { token: adminToken },
      );
      expect(page.registrations.totalCount).toBe(5);
      seen.push(...page.registrations.edges.map((e) => e.node.id));
      if (!page.registrations.pageInfo.hasNextPage) break;
      after = page.registrations.pageInfo.endCursor;
    }
    expect(seen).toEqual(made.map((m) => m.registration!.id));
    const waiting = await t.data<Page>(
      LIST,
      { eventId: f.event.id, status: 'WAITLISTED' },
      { token: adminToken },
    );
    expect(waiting.registrations.totalCount).toBe(2);
    // organizers get a read-only calendar link, never the participant's manage token
    for (const edge of waiting.registrations.edges) {
      expect(edge.node.calendarUrl).toMatch(/\/calendar\/registrations\/[A-Za-z0-9_-]{22}\.ics$/);
      expect(made.some((m) => edge.node.calendarUrl.includes(m.manageToken!))).toBe(false);
    }
  });

  it('cancels as organizer after the cutoff, promotes and tells the participant', async () => {
    const f = await fixture({ capacity: 1 });
    const holder = await register(t, { eventId: f.event.id, workshopIds: [] });
    const waiting = await register(t, { eventId: f.event.id, workshopIds: [] });
    await closeNow(f.event.id);
    const result = await t.data<{ cancelRegistrationAsOrganizer: { status: string } }>(
      CANCEL_AS_ORGANIZER,
      { id: holder.registration!.id },
      { token: adminToken },
    );
    expect(result.cancelRegistrationAsOrganizer.status).toBe('CANCELLED');
    expect((await mailJobs(t, holder.registration!.id)).at(-1)).toMatchObject({
      kind: 'registration.cancelled',
      byOrganizer: true,
    });
    expect((await mailJobs(t, waiting.registration!.id)).at(-1)?.kind).toBe(
      'registration.promoted',
    );
    const missing = await t.gql(
      CANCEL_AS_ORGANIZER,
      { id: '00000000-0000-4000-8000-000000000000' },
      { token: adminToken },
    );
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('workshops registrations depend on', () => {
  it('cannot be deleted while a registration or wish names them; a whole event can', async () => {
    const f = await fixture({ capacity: 1, phases: [[5, 5]] });
    const [a, b] = f.workshops[0];
    const holder = await register(t, { eventId: f.event.id, workshopIds: [a.id] });
    await register(t, { eventId: f.event.id, workshopIds: [b.id] }); // waitlisted wish
    // organizers get a clear refusal that counts the waitlisted wish too
    const refused = await t.gql(
      `mutation($id: ID!) { removeWorkshop(id: $id) }`,
      { id: b.id },
      { token: adminToken },
    );
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].message).toMatch(/cannot be removed: 1 registrations chose it/);
    await expect(exec(`delete from workshops where id = $1`, [a.id])).rejects.toThrow(
      /foreign key/,
    );
    await expect(exec(`delete from workshops where id = $1`, [b.id])).rejects.toThrow(
      /foreign key/,
    );
    await cancel(t, holder.manageToken!); // promotes the wish holder into b
    await expect(exec(`delete from workshops where id = $1`, [a.id])).resolves.toBeDefined();
    await expect(exec(`delete from events where id = $1`, [f.event.id])).resolves.toBeDefined();
  });
});

describe('the waiting list comes first', () => {
  it('promotes when seats are added through the organizer API, and newcomers queue behind', async () => {
    const f = await fixture({ capacity: 1, phases: [[1]] });
    const [a] = f.workshops[0];
    await register(t, { eventId: f.event.id, workshopIds: [a.id] });
    const first = await register(t, { eventId: f.event.id, workshopIds: [a.id] });
    expect(first.registration?.status).toBe('WAITLISTED');

    // a free event seat, but the waiting participant's phase has none: still waiting
    const raised = await t.data<{ updateEvent: { seatsTaken: number; waitlistCount: number } }>(
      `mutation($id: ID!) { updateEvent(id: $id, input: { capacity: 2 }) { seatsTaken waitlistCount } }`,
      { id: f.event.id },
      { token: adminToken },
    );
    expect(raised.updateEvent).toEqual({ seatsTaken: 1, waitlistCount: 1 });
    // a newcomer does not take that seat ahead of the waiting list
    const newcomer = await register(t, { eventId: f.event.id, workshopIds: [a.id] });
    expect(newcomer.registration?.status).toBe('WAITLISTED');

    // a new workshop in the phase: the longest-waiting participant gets the seat
    await t.data(
      `mutation($id: ID!) { addWorkshop(phaseId: $id, input: { title: "Zusatzworkshop", capacity: 5 }) { id } }`,
      { id: f.phases[0].id },
      { token: adminToken },
    );
    const statuses = await t.data<{ a: { status: string }; b: { status: string } }>(
      `query($a: String!, $b: String!) {
        a: myRegistration(manageToken: $a) { status } b: myRegistration(manageToken: $b) { status } }`,
      { a: first.manageToken, b: newcomer.manageToken },
    );
    expect(statuses).toEqual({ a: { status: 'CONFIRMED' }, b: { status: 'WAITLISTED' } });
    expect(await seats(t, f.event.id)).toMatchObject({ event: 2 });
  });
});
