import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MikroORM } from '@mikro-orm/core';
import { sql } from '@fachtag/database';
import { InvalidInputError } from '@fachtag/common';
import { AgendaItemKind, AgendaService } from '@fachtag/events';
import { addItem, addWorkshop, createEvent, day, publish } from './factories/events.js';
import { createOrganizer, login } from './factories/organizers.js';
import { startTestApp, type TestApp } from './harness/index.js';

const at = day(60);
const ADD_ITEM = `mutation($eventId: ID!, $input: AgendaItemInput!) { addAgendaItem(eventId: $eventId, input: $input) { id kind title startsAt endsAt room speakers { name affiliation } workshops { id } } }`;
const UPDATE_ITEM = `mutation($id: ID!, $input: UpdateAgendaItemInput!) { updateAgendaItem(id: $id, input: $input) { id kind title startsAt endsAt room } }`;
const REMOVE_ITEM = `mutation($id: ID!) { removeAgendaItem(id: $id) }`;
const ADD_WS = `mutation($phaseId: ID!, $input: WorkshopInput!) { addWorkshop(phaseId: $phaseId, input: $input) { id number title capacity seatsTaken seatsLeft capacityStatus capacityWarning hosts { name affiliation } phase { id title } } }`;
const UPDATE_WS = `mutation($id: ID!, $input: UpdateWorkshopInput!) { updateWorkshop(id: $id, input: $input) { id number title room capacity seatsLeft capacityStatus capacityWarning } }`;
const REMOVE_WS = `mutation($id: ID!) { removeWorkshop(id: $id) }`;
const AGENDA = `query($slug: String) { event(slug: $slug) { agenda { title kind startsAt workshops { number title capacityStatus } } } }`;
const WARNINGS = `query($slug: String) { event(slug: $slug) { agendaWarnings { code message agendaItemId workshopId } } }`;

type Errors = { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
const ext = (res: Errors) => res.errors?.[0]?.extensions;

describe('agenda and workshops', () => {
  let t: TestApp;
  let admin: string;
  let owner: { token: string };
  let stranger: { token: string };
  let event: { id: string; slug: string };
  let phase: { id: string };
  const db = <R>(text: string, values: unknown[] = []) =>
    sql<R>(t.app.get(MikroORM).em.fork(), text, values);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t);
    owner = await createOrganizer(t, admin);
    stranger = await createOrganizer(t, admin);
    event = await createEvent(t, owner.token, { slug: 'forum', capacity: 60 });
    phase = await addItem(t, owner.token, event.id, {
      kind: 'WORKSHOP_PHASE',
      title: 'Arbeitsphase I: Praxisbeispiele und Erfahrungsaustausch',
      startsAt: at('11:30'),
      endsAt: at('13:00'),
    });
  });
  afterAll(() => t.close());

  it('adds items with speakers and keeps the agenda in time order, ties by title', async () => {
    const keynote = await t.data<{ addAgendaItem: Record<string, unknown> }>(
      ADD_ITEM,
      {
        eventId: event.id,
        input: {
          kind: 'KEYNOTE',
          title: 'Integration durch Kooperation',
          startsAt: at('10:10'),
          endsAt: at('11:15'),
          room: 'Saal',
          speakers: [{ name: 'Prof. Dr. Jörg Bogumil', affiliation: 'Ruhr Universität Bochum' }],
        },
      },
      { token: owner.token },
    );
    expect(keynote.addAgendaItem).toMatchObject({
      kind: 'KEYNOTE',
      startsAt: new Date(at('10:10')).toISOString(),
      speakers: [{ name: 'Prof. Dr. Jörg Bogumil', affiliation: 'Ruhr Universität Bochum' }],
      workshops: [],
    });
    await addItem(t, owner.token, event.id, {
      kind: 'ARRIVAL',
      title: 'Ankommen',
      startsAt: at('09:00'),
      endsAt: at('09:30'),
    });
    await addItem(t, owner.token, event.id, {
      kind: 'WELCOME',
      title: 'Begrüßung',
      startsAt: at('09:30'),
      endsAt: at('10:10'),
    });
    const agenda = await t.data<{ event: { agenda: Array<{ title: string }> } }>(
      AGENDA,
      { slug: 'forum' },
      { token: owner.token },
    );
    expect(agenda.event.agenda.map((i) => i.title)).toEqual([
      'Ankommen',
      'Begrüßung',
      'Integration durch Kooperation',
      'Arbeitsphase I: Praxisbeispiele und Erfahrungsaustausch',
    ]);
  });

  it('refuses agenda items outside the event, overlapping, ending before they start', async () => {
    const refuse = async (input: Record<string, unknown>, field: string[]) => {
      const res = await t.gql(
        ADD_ITEM,
        { eventId: event.id, input: { kind: 'TALK', title: 'Vortrag', ...input } },
        { token: owner.token },
      );
      expect(ext(res)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    };
    await refuse({ startsAt: at('08:00'), endsAt: at('09:00') }, ['startsAt']);
    await refuse({ startsAt: at('16:00'), endsAt: at('17:00') }, ['endsAt']);
    await refuse({ startsAt: at('12:00'), endsAt: at('13:30') }, ['startsAt']);
    await refuse({ startsAt: at('14:00'), endsAt: at('13:30') }, ['endsAt']);
    await refuse({ startsAt: at('14:00'), endsAt: at('15:00'), title: '' }, ['title']);
    await refuse({ startsAt: at('14:00'), endsAt: at('15:00'), speakers: [{ name: '' }] }, [
      'speakers',
      '0',
      'name',
    ]);
  });

  it('accepts only one of several overlapping items added at the same time', async () => {
    // straight through the service, so the transactions really interleave; without the
    // event row lock a control run had two of eight succeed
    const agenda = t.app.get(AgendaService);
    const me = await t.data<{ viewer: { id: string } }>(
      '{ viewer { id } }',
      {},
      { token: owner.token },
    );
    const actor = { id: me.viewer.id, isAdmin: false };
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, n) =>
        agenda.addAgendaItem(actor, event.id, {
          kind: AgendaItemKind.TALK,
          title: `Parallel ${n + 1}`,
          startsAt: new Date(at('15:40')),
          endsAt: new Date(at('16:10')),
        }),
      ),
    );
    const added = results.filter((r) => r.status === 'fulfilled');
    expect(added).toHaveLength(1);
    const refused = results.filter((r) => r.status === 'rejected');
    expect(refused.every((r) => r.reason instanceof InvalidInputError)).toBe(true);
    await t.data(REMOVE_ITEM, { id: added[0].value.id }, { token: owner.token });
  });

  it('lets only the owner or an admin change the agenda', async () => {
    const input = {
      kind: 'BREAK',
      title: 'Mittagspause',
      startsAt: at('13:00'),
      endsAt: at('14:00'),
    };
    expect(ext(await t.gql(ADD_ITEM, { eventId: event.id, input }))?.code).toBe('UNAUTHENTICATED');
    expect(
      ext(await t.gql(ADD_ITEM, { eventId: event.id, input }, { token: stranger.token }))?.code,
    ).toBe('FORBIDDEN');
    const lunch = await addItem(t, admin, event.id, input);
    for (const [query, vars] of [
      [UPDATE_ITEM, { id: lunch.id, input: { title: 'Pause' } }],
      [REMOVE_ITEM, { id: lunch.id }],
      [ADD_WS, { phaseId: phase.id, input: { title: 'W', capacity: 5 } }],
    ] as const) {
      expect(ext(await t.gql(query, vars))?.code).toBe('UNAUTHENTICATED');
      expect(ext(await t.gql(query, vars, { token: stranger.token }))?.code).toBe('FORBIDDEN');
    }
    expect(
      ext(
        await t.gql(
          REMOVE_ITEM,
          { id: '00000000-0000-4000-8000-000000000000' },
          { token: owner.token },
        ),
      )?.code,
    ).toBe('NOT_FOUND');
    expect(await t.data(REMOVE_ITEM, { id: lunch.id }, { token: owner.token })).toEqual({
      removeAgendaItem: true,
    });
  });

  it('updates items, checks overlaps against the others and raises the revision on time or room', async () => {
    const talk = await addItem(t, owner.token, event.id, {
      kind: 'TALK',
      title: 'Vortrag',
      startsAt: at('14:00'),
      endsAt: at('14:30'),
    });
    const revision = async () =>
      (
        await db<{ revision: number }>(`select revision from agenda_items where id = $1`, [talk.id])
      )[0].revision;
    await t.data(
      UPDATE_ITEM,
      { id: talk.id, input: { title: 'Impulsvortrag', subtitle: 'kurz' } },
      { token: owner.token },
    );
    expect(await revision()).toBe(0);
    const moved = await t.data<{ updateAgendaItem: Record<string, unknown> }>(
      UPDATE_ITEM,
      { id: talk.id, input: { startsAt: at('14:15'), endsAt: at('14:45'), room: 'Raum 2' } },
      { token: owner.token },
    );
    expect(moved.updateAgendaItem).toMatchObject({
      title: 'Impulsvortrag',
      room: 'Raum 2',
      startsAt: new Date(at('14:15')).toISOString(),
    });
    expect(await revision()).toBe(1);
    const clash = await t.gql(
      UPDATE_ITEM,
      { id: talk.id, input: { startsAt: at('12:45') } },
      { token: owner.token },
    );
    expect(ext(clash)).toMatchObject({ code: 'BAD_USER_INPUT', field: ['startsAt'] });
    expect(clash.errors?.[0].message).toMatch(/overlaps 'Arbeitsphase I/);
    await t.data(REMOVE_ITEM, { id: talk.id }, { token: owner.token });
  });

  it('adds workshops only to a WORKSHOP_PHASE, numbered in order by default', async () => {
    const w1 = await t.data<{ addWorkshop: Record<string, unknown> }>(
      ADD_WS,
      {
        phaseId: phase.id,
        input: {
          title: 'Kommunale Angebote unter einem Dach',
          capacity: 30,
          hosts: [
            {
              name: 'Hans-Jürgen Lemmer',
              affiliation: 'Ressortleiter Zuwanderung und Integration, Stadt Wuppertal',
            },
          ],
        },
      },
      { token: owner.token },
    );
    expect(w1.addWorkshop).toMatchObject({
      number: 1,
      capacity: 30,
      seatsTaken: 0,
      seatsLeft: 30,
      capacityStatus: 'AVAILABLE',
      capacityWarning: null,
      phase: { id: phase.id },
      hosts: [{ name: 'Hans-Jürgen Lemmer' }],
    });
    const w7 = await addWorkshop(t, owner.token, phase.id, {
      title: 'Sieben',
      capacity: 10,
      number: 7,
    });
    expect(w7.number).toBe(7);
    const w8 = await addWorkshop(t, owner.token, phase.id, { title: 'Acht', capacity: 10 });
    expect(w8.number).toBe(8);
    const w3 = await addWorkshop(t, owner.token, phase.id, {
      title: 'Drei',
      capacity: 10,
      number: 3,
    });
    const keynote = (
      await t.data<{ event: { agenda: Array<{ kind: string }> } }>(
        `query { event(slug: "forum") { agenda { id kind } } }`,
        {},
        { token: owner.token },
      )
    ).event.agenda.find((i) => i.kind === 'KEYNOTE') as unknown as { id: string };
    const refuse = async (phaseId: string, input: Record<string, unknown>, field: string[]) => {
      const res = await t.gql(
        ADD_WS,
        { phaseId, input: { title: 'W', capacity: 5, ...input } },
        { token: owner.token },
      );
      expect(ext(res)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    };
    await refuse(keynote.id, {}, ['phaseId']);
    await refuse(phase.id, { capacity: 0 }, ['capacity']);
    await refuse(phase.id, { capacity: -1 }, ['capacity']);
    await refuse(phase.id, { number: 7 }, ['number']);
    await refuse(phase.id, { number: 0 }, ['number']);
    await refuse(phase.id, { title: 'x'.repeat(201) }, ['title']);
    const agenda = await t.data<{
      event: { agenda: Array<{ kind: string; workshops: Array<{ number: number }> }> };
    }>(AGENDA, { slug: 'forum' }, { token: owner.token });
    expect(
      agenda.event.agenda.find((i) => i.kind === 'WORKSHOP_PHASE')!.workshops.map((w) => w.number),
    ).toEqual([1, 3, 7, 8]);
    await t.data(REMOVE_WS, { id: w7.id }, { token: owner.token });
    await t.data(REMOVE_WS, { id: w8.id }, { token: owner.token });
    await t.data(REMOVE_WS, { id: w3.id }, { token: owner.token });
  });

  it('updates workshops: capacity not below seats taken, warnings in the event language', async () => {
    const w = await addWorkshop(t, owner.token, phase.id, {
      title: 'Voll',
      capacity: 10,
      room: 'Raum 3',
    });
    expect(
      ext(await t.gql(UPDATE_WS, { id: w.id, input: { capacity: 12 } }, { token: stranger.token }))
        ?.code,
    ).toBe('FORBIDDEN');
    for (const [query, vars] of [
      [UPDATE_WS, { id: w.id, input: { title: 'Fremd' } }],
      [REMOVE_WS, { id: w.id }],
    ] as const) {
      expect(ext(await t.gql(query, vars))?.code).toBe('UNAUTHENTICATED');
      expect(ext(await t.gql(query, vars, { token: stranger.token }))?.code).toBe('FORBIDDEN');
    }
    await db(`update workshops set seats_taken = 8 where id = $1`, [w.id]);
    const filling = await t.data<{ updateWorkshop: Record<string, unknown> }>(
      UPDATE_WS,
      { id: w.id, input: { title: 'Fast voll' } },
      { token: owner.token },
    );
    expect(filling.updateWorkshop).toMatchObject({ seatsLeft: 2, capacityStatus: 'FILLING_UP' });
    expect(filling.updateWorkshop.capacityWarning).toMatch(/^Diesen Workshop haben bereits viele/);
    const lowered = await t.gql(
      UPDATE_WS,
      { id: w.id, input: { capacity: 7 } },
      { token: owner.token },
    );
    expect(ext(lowered)).toMatchObject({ code: 'BAD_USER_INPUT', field: ['capacity'] });
    expect(lowered.errors?.[0].message).toMatch(/8 seats are taken/);
    const full = await t.data<{ updateWorkshop: Record<string, unknown> }>(
      UPDATE_WS,
      { id: w.id, input: { capacity: 8 } },
      { token: owner.token },
    );
    expect(full.updateWorkshop).toMatchObject({ seatsLeft: 0, capacityStatus: 'FULL' });
    await t.data(
      `mutation($id: ID!) { updateEvent(id: $id, input: { language: "en" }) { id } }`,
      { id: event.id },
      { token: owner.token },
    );
    const english = await t.data<{ updateWorkshop: { capacityWarning: string } }>(
      UPDATE_WS,
      { id: w.id, input: {} },
      { token: owner.token },
    );
    expect(english.updateWorkshop.capacityWarning).toMatch(/fully booked/);
    await t.data(
      `mutation($id: ID!) { updateEvent(id: $id, input: { language: "de" }) { id } }`,
      { id: event.id },
      { token: owner.token },
    );
    const revision = async () =>
      (await db<{ revision: number }>(`select revision from workshops where id = $1`, [w.id]))[0]
        .revision;
    const before = await revision();
    await t.data(UPDATE_WS, { id: w.id, input: { room: 'Raum 4' } }, { token: owner.token });
    expect(await revision()).toBe(before + 1);
    // moving the phase moves its workshops in participants' calendars too
    await t.data(
      UPDATE_ITEM,
      { id: phase.id, input: { endsAt: at('13:10') } },
      { token: owner.token },
    );
    expect(await revision()).toBe(before + 2);

    const removal = await t.gql(REMOVE_WS, { id: w.id }, { token: owner.token });
    expect(ext(removal)).toMatchObject({ code: 'BAD_USER_INPUT', field: ['id'] });
    expect(removal.errors?.[0].message).toMatch(/cannot be removed: 8 registrations chose it/);
    const phaseRemoval = await t.gql(REMOVE_ITEM, { id: phase.id }, { token: owner.token });
    expect(phaseRemoval.errors?.[0].message).toMatch(/registrations depend on its workshops/);
    const kindChange = await t.gql(
      UPDATE_ITEM,
      { id: phase.id, input: { kind: 'TALK' } },
      { token: owner.token },
    );
    expect(ext(kindChange)).toMatchObject({ code: 'BAD_USER_INPUT', field: ['kind'] });
    await db(`update workshops set seats_taken = 0 where id = $1`, [w.id]);
    expect(await t.data(REMOVE_WS, { id: w.id }, { token: owner.token })).toEqual({
      removeWorkshop: true,
    });
  });

  it('shows agenda warnings to the event organizers only', async () => {
    const empty = await addItem(t, owner.token, event.id, {
      kind: 'WORKSHOP_PHASE',
      title: 'Arbeitsphase II',
      startsAt: at('14:00'),
      endsAt: at('15:30'),
    });
    const big = await addWorkshop(t, owner.token, phase.id, { title: 'Riesig', capacity: 70 });
    const res = await t.data<{
      event: {
        agendaWarnings: Array<{ code: string; agendaItemId: string; workshopId: string | null }>;
      };
    }>(WARNINGS, { slug: 'forum' }, { token: owner.token });
    expect(res.event.agendaWarnings.map((w) => [w.code, w.agendaItemId, w.workshopId])).toEqual([
      ['WORKSHOP_CAPACITY_EXCEEDS_EVENT', phase.id, big.id],
      ['PHASE_WITHOUT_WORKSHOPS', empty.id, null],
    ]);
    await t.data(UPDATE_WS, { id: big.id, input: { capacity: 20 } }, { token: owner.token });
    // 30 + 20 seats for an event of 60
    const below = await t.data<typeof res>(WARNINGS, { slug: 'forum' }, { token: admin });
    expect(below.event.agendaWarnings[0]).toMatchObject({
      code: 'PHASE_SEATS_BELOW_EVENT_CAPACITY',
      agendaItemId: phase.id,
    });
    expect(below.event.agendaWarnings[0].code).toBe('PHASE_SEATS_BELOW_EVENT_CAPACITY');

    // a phase without workshops blocks publishing (organizer-input.e2e-spec.ts)
    expect(await t.data(REMOVE_ITEM, { id: empty.id }, { token: owner.token })).toEqual({
      removeAgendaItem: true,
    });
    await publish(t, owner.token, event.id);
    expect(ext(await t.gql(WARNINGS, { slug: 'forum' }))?.code).toBe('UNAUTHENTICATED');
    expect(ext(await t.gql(WARNINGS, { slug: 'forum' }, { token: stranger.token }))?.code).toBe(
      'FORBIDDEN',
    );
  });

  it('shows the public the agenda of a published event, the draft agenda to nobody', async () => {
    const pub = await t.data<{
      event: { agenda: Array<{ title: string; workshops: Array<{ title: string }> }> };
    }>(AGENDA, { slug: 'forum' });
    expect(pub.event.agenda.length).toBeGreaterThan(0);
    const draft = await createEvent(t, owner.token, { slug: 'hidden' });
    await addItem(t, owner.token, draft.id, {
      kind: 'TALK',
      title: 'Geheim',
      startsAt: at('10:00'),
      endsAt: at('11:00'),
    });
    expect(await t.data(AGENDA, { slug: 'hidden' })).toEqual({ event: null });
  });
});
