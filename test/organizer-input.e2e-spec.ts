import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addItem, addWorkshop, createEvent, day, eventInput } from './factories/events.js';
import { createOrganizer, login } from './factories/organizers.js';
import { startTestApp, type GqlResponse, type TestApp } from './harness/index.js';

/**
 * Organizer input that must be refused with a clear error (issue 11 item 8), and
 * input that must not fail on a field the organizer never sent. All over GraphQL/HTTP.
 */
const CREATE = `mutation($input: CreateEventInput!) { createEvent(input: $input) { id contactEmail timeZone title } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { id contactEmail timeZone } }`;
const PUBLISH = `mutation($id: ID!) { publishEvent(id: $id) { id status } }`;
const EVENT = `query($id: ID!) { event(id: $id) { id status contactEmail timeZone
  agendaWarnings { code agendaItemId workshopId blocksPublishing message } } }`;
const ADD_ITEM = `mutation($eventId: ID!, $input: AgendaItemInput!) { addAgendaItem(eventId: $eventId, input: $input) { id room title } }`;
const CREATE_ORGANIZER = `mutation($email: String!) {
  createOrganizer(email: $email, name: "Neue Organisatorin", password: "a long enough password") { id }
}`;

type Res = GqlResponse<Record<string, unknown>>;
const ext = (res: Res) => res.errors?.[0]?.extensions;

describe('organizer input that must be refused', () => {
  let t: TestApp;
  let admin: string;
  let owner: { token: string; id: string };
  const at = day(60);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t);
    owner = await createOrganizer(t, admin);
  });
  afterAll(() => t.close());

  describe('e-mail addresses: one plain address, the same rule for every e-mail field', () => {
    const notPlain = [
      'x,"y"@evil.com', // nodemailer reads this as the list [x, y@evil.com]
      '"y"@evil.com',
      'Info <info@dkjs.example>',
      'info@dkjs.example, other@evil.com',
      'info@dkjs.example;other@evil.com',
      'info@dkjs.example (comment)',
      'info@dkjs.example\nBcc: other@evil.com',
    ];

    it.each(notPlain)(
      'refuses contactEmail %j on create and on update, storing nothing',
      async (email) => {
        const created = await t.gql(
          CREATE,
          { input: eventInput(60, { contactEmail: email }) },
          { token: owner.token },
        );
        expect(created.status).toBe(200);
        expect(ext(created)).toMatchObject({ code: 'BAD_USER_INPUT', field: ['contactEmail'] });
        expect(created.data).toBeNull();

        const event = await createEvent(t, owner.token, { contactEmail: 'info@dkjs.example' });
        const updated = await t.gql(
          UPDATE,
          { id: event.id, input: { contactEmail: email } },
          { token: owner.token },
        );
        expect(ext(updated)).toMatchObject({ code: 'BAD_USER_INPUT', field: ['contactEmail'] });
        const stored = await t.data<{ event: { contactEmail: string } }>(
          EVENT,
          { id: event.id },
          { token: owner.token },
        );
        expect(stored.event.contactEmail).toBe('info@dkjs.example');
      },
    );

    it('refuses the same address as an organizer e-mail', async () => {
      const res = await t.gql(CREATE_ORGANIZER, { email: 'x,"y"@evil.com' }, { token: admin });
      expect(ext(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: ['email'] });
    });

    it('takes a plain address', async () => {
      const event = await createEvent(t, owner.token, {
        contactEmail: "o'brien+forum@dkjs.example",
      });
      expect(event.contactEmail).toBe("o'brien+forum@dkjs.example");
    });
  });

  describe('time zones: IANA names only', () => {
    it.each(['+01:00', '-0130', 'UTC+1', 'GMT+01:00', '+01', 'Mars/Olympus'])(
      'refuses timeZone %j',
      async (zone) => {
        const res = await t.gql(
          CREATE,
          { input: eventInput(60, { timeZone: zone }) },
          { token: owner.token },
        );
        expect(ext(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: ['timeZone'] });
        expect(res.errors?.[0].message).toMatch(/IANA/);
      },
    );

    it.each([
      ['europe/berlin', 'Europe/Berlin'],
      ['UTC', 'UTC'],
      ['Etc/GMT-1', 'Etc/GMT-1'],
    ])('takes %j as %j', async (zone, canonical) => {
      const event = await createEvent(t, owner.token, { timeZone: zone });
      expect(event.timeZone).toBe(canonical);
    });
  });

  describe('length limits count characters as people see them (code points)', () => {
    const emoji = (n: number) => '🎓'.repeat(n); // one code point, two UTF-16 units

    it('takes 60 and 100 emoji as a room of at most 100 characters, refuses 101', async () => {
      const event = await createEvent(t, owner.token);
      const item = (room: string, hm: [string, string]) =>
        t.gql(
          ADD_ITEM,
          {
            eventId: event.id,
            input: { kind: 'TALK', title: 'Vortrag', room, startsAt: at(hm[0]), endsAt: at(hm[1]) },
          },
          { token: owner.token },
        );
      const sixty = await item(emoji(60), ['09:00', '09:30']);
      expect(sixty.errors).toBeUndefined();
      expect((sixty.data?.addAgendaItem as { room: string }).room).toBe(emoji(60));
      const hundred = await item(emoji(100), ['09:30', '10:00']);
      expect(hundred.errors).toBeUndefined();
      const tooLong = await item(emoji(101), ['10:00', '10:30']);
      expect(ext(tooLong)).toMatchObject({ code: 'BAD_USER_INPUT', field: ['room'] });
      expect(tooLong.errors?.[0].message).toMatch(/at most 100 characters/);
    });

    it('takes a title of 200 emoji', async () => {
      const res = await t.gql(
        CREATE,
        { input: eventInput(60, { title: emoji(200) }) },
        { token: owner.token },
      );
      expect(res.errors).toBeUndefined();
      expect((res.data?.createEvent as { title: string }).title).toBe(emoji(200));
    });
  });

  it('numbers a workshop sent without a number after workshop 10000', async () => {
    const event = await createEvent(t, owner.token);
    const phase = await addItem(t, owner.token, event.id, {
      kind: 'WORKSHOP_PHASE',
      title: 'Arbeitsphase',
      startsAt: at('11:00'),
      endsAt: at('12:30'),
    });
    const first = await addWorkshop(t, owner.token, phase.id, { title: 'Eins', capacity: 20 });
    const last = await addWorkshop(t, owner.token, phase.id, {
      title: 'Letzte',
      capacity: 20,
      number: 10_000,
    });
    expect([first.number, last.number]).toEqual([1, 10_000]);
    const next = await t.gql(
      `mutation($phaseId: ID!, $input: WorkshopInput!) { addWorkshop(phaseId: $phaseId, input: $input) { id number } }`,
      { phaseId: phase.id, input: { title: 'Ohne Nummer', capacity: 20 } },
      { token: owner.token },
    );
    expect(next.errors).toBeUndefined();
    const number = (next.data?.addWorkshop as { number: number }).number;
    expect(number).toBeGreaterThanOrEqual(1);
    expect(number).toBeLessThanOrEqual(10_000);
    expect([1, 10_000]).not.toContain(number);
  });

  describe('publishing', () => {
    it('is refused while a workshop phase has no workshops, with the problems named', async () => {
      const event = await createEvent(t, owner.token, { capacity: 100 });
      const phase = await addItem(t, owner.token, event.id, {
        kind: 'WORKSHOP_PHASE',
        title: 'Arbeitsphase I',
        startsAt: at('11:00'),
        endsAt: at('12:30'),
      });
      const refused = await t.gql(PUBLISH, { id: event.id }, { token: owner.token });
      expect(refused.status).toBe(200);
      expect(refused.data).toBeNull();
      expect(ext(refused)).toMatchObject({
        code: 'PUBLISHING_BLOCKED',
        field: ['id'],
        problems: [{ code: 'PHASE_WITHOUT_WORKSHOPS', agendaItemId: phase.id, workshopId: null }],
      });
      expect(refused.errors?.[0].message).toMatch(/Arbeitsphase I/);
      const draft = await t.data<{ event: { status: string; agendaWarnings: unknown[] } }>(
        EVENT,
        { id: event.id },
        { token: owner.token },
      );
      expect(draft.event.status).toBe('DRAFT');
      expect(draft.event.agendaWarnings).toEqual([
        expect.objectContaining({ code: 'PHASE_WITHOUT_WORKSHOPS', blocksPublishing: true }),
      ]);

      // fewer workshop seats than event seats is a warning only: publishing goes ahead
      await addWorkshop(t, owner.token, phase.id, { title: 'Klein', capacity: 20 });
      const warned = await t.data<{ event: { agendaWarnings: unknown[] } }>(
        EVENT,
        { id: event.id },
        { token: owner.token },
      );
      expect(warned.event.agendaWarnings).toEqual([
        expect.objectContaining({
          code: 'PHASE_SEATS_BELOW_EVENT_CAPACITY',
          blocksPublishing: false,
        }),
      ]);
      const published = await t.data<{ publishEvent: { status: string } }>(
        PUBLISH,
        { id: event.id },
        { token: owner.token },
      );
      expect(published.publishEvent.status).toBe('PUBLISHED');
    });
  });
});
