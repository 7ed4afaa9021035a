import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MikroORM } from '@mikro-orm/core';
import { sql } from '@fachtag/database';
import {
  addItem,
  createEvent,
  day,
  EVENT_FIELDS,
  eventInput,
  publish,
} from './factories/events.js';
import { createOrganizer, login } from './factories/organizers.js';
import { startTestApp, type TestApp } from './harness/index.js';

const CREATE = `mutation($input: CreateEventInput!) { createEvent(input: $input) { ${EVENT_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { ${EVENT_FIELDS} } }`;
const PUBLISH = `mutation($id: ID!) { publishEvent(id: $id) { id status isRegistrationOpen } }`;
const CANCEL = `mutation($id: ID!, $reason: String) { cancelEvent(id: $id, reason: $reason) { id status isRegistrationOpen } }`;
const EVENT = `query($id: ID, $slug: String) { event(id: $id, slug: $slug) { id slug status } }`;
const LIST = `query($first: Int, $after: String) {
  events(first: $first, after: $after) { totalCount edges { cursor node { id slug status } } pageInfo { hasNextPage endCursor } }
}`;

describe('events', () => {
  let t: TestApp;
  let admin: string;
  let other: { token: string; id: string };
  const db = <R>(text: string, values: unknown[] = []) =>
    sql<R>(t.app.get(MikroORM).em.fork(), text, values);
  const code = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
    res.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t);
    other = await createOrganizer(t, admin);
  });
  afterAll(() => t.close());

  it('creates a draft with defaults and a slug from the title', async () => {
    const event = await createEvent(t, other.token);
    expect(event).toMatchObject({
      slug: 'transferforum-wie-zusammenarbeit-in-der-kommune-integration-ermoeglicht',
      status: 'DRAFT',
      timeZone: 'Europe/Berlin',
      language: 'de',
      waitlistEnabled: true,
      capacityWarningThreshold: 0.8,
      capacity: 120,
      seatsTaken: 0,
      seatsLeft: 120,
      capacityStatus: 'AVAILABLE',
      waitlistCount: 0,
      isRegistrationOpen: false,
      calendarUrl: `${t.config.publicBaseUrl}/calendar/events/${event.slug}.ics`,
      venue: {
        name: 'KOMED im MediaPark',
        street: 'Im Mediapark 7',
        postalCode: '50670',
        city: 'Köln',
        country: null,
      },
    });
    const second = await createEvent(t, other.token);
    expect(second.slug).toBe(`${event.slug}-2`);
    const english = await createEvent(t, other.token, {
      slug: 'forum-en',
      language: 'en',
      capacity: null,
      timeZone: 'europe/london',
    });
    expect(english).toMatchObject({
      slug: 'forum-en',
      language: 'en',
      capacity: null,
      seatsLeft: null,
      timeZone: 'Europe/London',
    });
  });

  it('refuses anonymous callers', async () => {
    expect(code(await t.gql(CREATE, { input: eventInput() }))).toBe('UNAUTHENTICATED');
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['end before start', { endsAt: day()('08:00') }, ['endsAt']],
    ['end at start', { endsAt: day()('09:00') }, ['endsAt']],
    ['unknown time zone', { timeZone: 'Europe/Koeln' }, ['timeZone']],
    ['zero capacity', { capacity: 0 }, ['capacity']],
    ['negative capacity', { capacity: -3 }, ['capacity']],
    ['threshold 0', { capacityWarningThreshold: 0 }, ['capacityWarningThreshold']],
    ['threshold above 1', { capacityWarningThreshold: 1.5 }, ['capacityWarningThreshold']],
    ['slug with capitals', { slug: 'Transferforum' }, ['slug']],
    ['slug with umlaut', { slug: 'köln' }, ['slug']],
    ['cutoff after start', { registrationClosesAt: day()('09:01') }, ['registrationClosesAt']],
    [
      'opening after cutoff',
      { registrationOpensAt: day()('08:00'), registrationClosesAt: day()('07:00') },
      ['registrationOpensAt'],
    ],
    ['title too long', { title: 'x'.repeat(201) }, ['title']],
    ['empty title', { title: ' ' }, ['title']],
    ['unknown language', { language: 'fr' }, ['language']],
    ['bad contact e-mail', { contactEmail: 'info-at-dkjs' }, ['contactEmail']],
    ['venue without city', { venue: { name: 'KOMED', city: '' } }, ['venue', 'city']],
  ])('refuses %s naming the field', async (_, overrides, field) => {
    const res = await t.gql(CREATE, { input: eventInput(60, overrides) }, { token: other.token });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('refuses a slug that is taken', async () => {
    await createEvent(t, other.token, { slug: 'taken-slug' });
    const res = await t.gql(
      CREATE,
      { input: eventInput(60, { slug: 'taken-slug' }) },
      { token: admin },
    );
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['slug'] });
    expect(res.errors?.[0].message).toMatch(/taken/);
  });

  it('updates for the owner and admins only; others are FORBIDDEN', async () => {
    const event = await createEvent(t, other.token);
    const third = await createOrganizer(t, admin);
    const input = { title: 'Neuer Titel', costNote: 'Kostenlos.', capacity: 80 };
    expect(code(await t.gql(UPDATE, { id: event.id, input }))).toBe('UNAUTHENTICATED');
    expect(code(await t.gql(UPDATE, { id: event.id, input }, { token: third.token }))).toBe(
      'FORBIDDEN',
    );
    const byOwner = await t.data<{ updateEvent: Record<string, unknown> }>(
      UPDATE,
      { id: event.id, input },
      { token: other.token },
    );
    expect(byOwner.updateEvent).toMatchObject({ ...input, slug: event.slug });
    const byAdmin = await t.data<{ updateEvent: Record<string, unknown> }>(
      UPDATE,
      { id: event.id, input: { costNote: null, slug: 'renamed-by-admin' } },
      { token: admin },
    );
    expect(byAdmin.updateEvent).toMatchObject({
      costNote: null,
      slug: 'renamed-by-admin',
      title: 'Neuer Titel',
    });
    const missing = await t.gql(
      UPDATE,
      { id: '00000000-0000-4000-8000-000000000000', input },
      { token: admin },
    );
    expect(code(missing)).toBe('NOT_FOUND');
  });

  it('checks updates against the whole event, the agenda and the seats taken', async () => {
    const at = day(60);
    const event = await createEvent(t, other.token);
    await addItem(t, other.token, event.id, {
      kind: 'KEYNOTE',
      title: 'Keynote',
      startsAt: at('10:10'),
      endsAt: at('11:15'),
    });
    const refuse = async (input: Record<string, unknown>, field: string[]) => {
      const res = await t.gql(UPDATE, { id: event.id, input }, { token: other.token });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    };
    await refuse({ endsAt: at('08:00') }, ['endsAt']);
    await refuse({ startsAt: at('10:30') }, ['startsAt']);
    await refuse({ endsAt: at('11:00') }, ['endsAt']);
    await refuse({ timeZone: 'Berlin' }, ['timeZone']);
    await refuse({ capacityWarningThreshold: -0.1 }, ['capacityWarningThreshold']);
    await refuse({ slug: 'taken-slug' }, ['slug']);
    await db(`update events set seats_taken = 50 where id = $1`, [event.id]);
    await refuse({ capacity: 49 }, ['capacity']);
    const ok = await t.data<{ updateEvent: { capacity: number; seatsLeft: number } }>(
      UPDATE,
      { id: event.id, input: { capacity: 50 } },
      { token: other.token },
    );
    expect(ok.updateEvent).toMatchObject({ capacity: 50, seatsLeft: 0 });
  });

  it('raises the revision when time or place change, not for texts', async () => {
    const event = await createEvent(t, other.token);
    const revision = async () =>
      (await db<{ revision: number }>(`select revision from events where id = $1`, [event.id]))[0]
        .revision;
    await t.data(
      UPDATE,
      { id: event.id, input: { title: 'Anderer Titel' } },
      { token: other.token },
    );
    expect(await revision()).toBe(0);
    await t.data(
      UPDATE,
      { id: event.id, input: { endsAt: day(60)('17:00') } },
      { token: other.token },
    );
    expect(await revision()).toBe(1);
    await t.data(
      UPDATE,
      { id: event.id, input: { venue: { name: 'Anderswo', city: 'Köln' } } },
      { token: other.token },
    );
    expect(await revision()).toBe(2);
    // the same place again, keys in another order: nothing moved
    await t.data(
      UPDATE,
      { id: event.id, input: { venue: { city: 'Köln', name: 'Anderswo', street: null } } },
      { token: other.token },
    );
    expect(await revision()).toBe(2);
  });

  it('publishes drafts and cancels published events with a reason', async () => {
    const event = await createEvent(t, other.token);
    expect(code(await t.gql(PUBLISH, { id: event.id }))).toBe('UNAUTHENTICATED');
    const third = await createOrganizer(t, admin);
    expect(code(await t.gql(PUBLISH, { id: event.id }, { token: third.token }))).toBe('FORBIDDEN');
    const draftCancel = await t.gql(CANCEL, { id: event.id }, { token: other.token });
    expect(draftCancel.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['id'],
    });

    const published = await t.data<{ publishEvent: Record<string, unknown> }>(
      PUBLISH,
      { id: event.id },
      { token: other.token },
    );
    expect(published.publishEvent).toMatchObject({ status: 'PUBLISHED', isRegistrationOpen: true });
    expect(code(await t.gql(CANCEL, { id: event.id, reason: 'x' }, { token: third.token }))).toBe(
      'FORBIDDEN',
    );
    expect(code(await t.gql(CANCEL, { id: event.id, reason: 'x' }))).toBe('UNAUTHENTICATED');
    const tooLong = await t.gql(
      CANCEL,
      { id: event.id, reason: 'x'.repeat(2001) },
      { token: other.token },
    );
    expect(tooLong.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['reason'],
    });
    const cancelled = await t.data<{ cancelEvent: Record<string, unknown> }>(
      CANCEL,
      { id: event.id, reason: 'Die Referentin ist erkrankt.' },
      { token: other.token },
    );
    expect(cancelled.cancelEvent).toMatchObject({ status: 'CANCELLED', isRegistrationOpen: false });
    const [row] = await db<{ cancel_reason: string }>(
      `select cancel_reason from events where id = $1`,
      [event.id],
    );
    expect(row.cancel_reason).toBe('Die Referentin ist erkrankt.');
    const republish = await t.gql(PUBLISH, { id: event.id }, { token: other.token });
    expect(republish.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['id'],
    });
    // a cancelled event stays visible, so participants learn about it
    const seen = await t.data<{ event: { status: string } }>(EVENT, { id: event.id });
    expect(seen.event.status).toBe('CANCELLED');
  });

  it('opens registration only inside the window', async () => {
    const later = await createEvent(t, other.token, {
      registrationOpensAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    await publish(t, other.token, later.id);
    const seen = await t.data<{ event: { isRegistrationOpen: boolean } }>(
      `query($id: ID) { event(id: $id) { isRegistrationOpen } }`,
      { id: later.id },
    );
    expect(seen.event.isRegistrationOpen).toBe(false);
  });
});

describe('reading events', () => {
  let t: TestApp;
  let admin: string;
  let owner: { token: string; id: string };
  let stranger: { token: string; id: string };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t);
    owner = await createOrganizer(t, admin);
    stranger = await createOrganizer(t, admin);
    // published at 30, 10, 20 days ahead, one in the past, a draft at 15 days, a cancelled one at 25
    for (const [name, days] of [
      ['p30', 30],
      ['p10', 10],
      ['p20', 20],
      ['past', -5],
      ['draft', 15],
      ['cancelled', 25],
    ] as const) {
      const e = await createEvent(t, owner.token, { slug: name }, days);
      ids[name] = e.id;
      if (name !== 'draft') await publish(t, owner.token, e.id);
    }
    await t.data(CANCEL, { id: ids.cancelled }, { token: owner.token });
  });
  afterAll(() => t.close());

  const slugs = async (token?: string, first = 20) =>
    (
      await t.data<{ events: { totalCount: number; edges: Array<{ node: { slug: string } }> } }>(
        LIST,
        { first },
        { token },
      )
    ).events;

  it('lists published events not yet over, soonest first', async () => {
    const list = await slugs();
    expect(list.edges.map((e) => e.node.slug)).toEqual(['p10', 'p20', 'p30']);
    expect(list.totalCount).toBe(3);
  });

  it('shows an organizer their own drafts (and cancelled events), admins everything, others nothing more', async () => {
    expect((await slugs(owner.token)).edges.map((e) => e.node.slug)).toEqual([
      'p10',
      'draft',
      'p20',
      'cancelled',
      'p30',
    ]);
    expect((await slugs(admin)).edges.map((e) => e.node.slug)).toEqual([
      'p10',
      'draft',
      'p20',
      'cancelled',
      'p30',
    ]);
    expect((await slugs(stranger.token)).edges.map((e) => e.node.slug)).toEqual([
      'p10',
      'p20',
      'p30',
    ]);
  });

  it('pages with cursors', async () => {
    const first = await t.data<{
      events: {
        totalCount: number;
        edges: Array<{ node: { slug: string } }>;
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    }>(LIST, { first: 2 }, { token: owner.token });
    expect(first.events.edges.map((e) => e.node.slug)).toEqual(['p10', 'draft']);
    expect(first.events.pageInfo.hasNextPage).toBe(true);
    expect(first.events.totalCount).toBe(5);
    const second = await t.data<typeof first>(
      LIST,
      { first: 2, after: first.events.pageInfo.endCursor },
      { token: owner.token },
    );
    expect(second.events.edges.map((e) => e.node.slug)).toEqual(['p20', 'cancelled']);
    const third = await t.data<typeof first>(
      LIST,
      { first: 2, after: second.events.pageInfo.endCursor },
      { token: owner.token },
    );
    expect(third.events.edges.map((e) => e.node.slug)).toEqual(['p30']);
    expect(third.events.pageInfo).toEqual({ hasNextPage: false, endCursor: expect.any(String) });
    const bad = await t.gql(LIST, { first: 2, after: 'garbage' });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['after'] });
    const tooMany = await t.gql(LIST, { first: 1000 });
    expect(tooMany.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['first'],
    });
  });

  it('finds one event by id or slug; drafts only for their organizers', async () => {
    const by = (vars: Record<string, string>, token?: string) =>
      t
        .data<{ event: { slug: string } | null }>(EVENT, vars, { token })
        .then((d) => d.event?.slug ?? null);
    expect(await by({ slug: 'p10' })).toBe('p10');
    expect(await by({ id: ids.p20 })).toBe('p20');
    expect(await by({ slug: 'past' })).toBe('past');
    expect(await by({ slug: 'draft' })).toBeNull();
    expect(await by({ id: ids.draft }, stranger.token)).toBeNull();
    expect(await by({ id: ids.draft }, owner.token)).toBe('draft');
    expect(await by({ slug: 'draft' }, admin)).toBe('draft');
    expect(await by({ slug: 'nope' })).toBeNull();
    expect(await by({ id: 'not-a-uuid' })).toBeNull();
  });
});
