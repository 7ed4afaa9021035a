import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { MikroORM } from '@mikro-orm/core';
import { sql } from '../libs/database/src/index.js';
import { addItem, addWorkshop, createEvent, day, publish } from './factories/events.js';
import { login } from './factories/organizers.js';
import { startTestApp, type TestApp } from './harness/index.js';
import { freshEm, register } from './registrations-helpers.js';

const AGENDA = `query($slug: String) {
  event(slug: $slug) {
    title seatsTaken waitlistCount isRegistrationOpen
    agenda { title workshops { id title seatsTaken seatsLeft capacityStatus } }
  }
}`;

interface Agenda {
  event: {
    title: string;
    seatsTaken: number;
    waitlistCount: number;
    isRegistrationOpen: boolean;
    agenda: Array<{
      title: string;
      workshops: Array<{ id: string; title: string; seatsTaken: number }>;
    }>;
  };
}

describe('the public read cache', () => {
  let t: TestApp;
  let token: string;
  let eventId: string;
  let workshopId: string;

  /** The query's answer and how many ORM statements it took (0: answered from the cache). */
  async function read(slug: string, options: { token?: string } = {}) {
    const logger = t.app.get(MikroORM).config.getLogger();
    let statements = 0;
    const spy = jest.spyOn(logger, 'logQuery').mockImplementation(() => {
      statements += 1;
    });
    try {
      const data = await t.data<Agenda>(AGENDA, { slug }, options);
      return { data: data.event, statements };
    } finally {
      spy.mockRestore();
    }
  }

  beforeAll(async () => {
    t = await startTestApp();
    token = await login(t);
    const at = day(50);
    const event = await createEvent(t, token, { slug: 'cached', capacity: 1 }, 50);
    const phase = await addItem(t, token, event.id, {
      kind: 'WORKSHOP_PHASE',
      title: 'Arbeitsphase I',
      startsAt: at('11:30'),
      endsAt: at('13:00'),
    });
    workshopId = (await addWorkshop(t, token, phase.id, { title: 'Dialog', capacity: 5 })).id;
    await publish(t, token, event.id);
    eventId = event.id;
  });
  afterAll(() => t.close());

  it('answers a repeated anonymous query from memory, and never with stale data', async () => {
    const first = await read('cached');
    expect(first.statements).toBeGreaterThan(0);
    const second = await read('cached');
    expect(second.statements).toBe(0);
    expect(second.data).toEqual(first.data);

    // a registration changes seats: the next answer shows it
    await register(t, { eventId, workshopIds: [workshopId] });
    const afterRegistration = await read('cached');
    expect(afterRegistration.statements).toBeGreaterThan(0);
    expect(afterRegistration.data.seatsTaken).toBe(1);
    expect(afterRegistration.data.agenda[0].workshops[0].seatsTaken).toBe(1);
    expect((await read('cached')).statements).toBe(0);

    // the event is full now: a second registration waits, and the count shows it
    await register(t, { eventId, workshopIds: [workshopId] });
    expect((await read('cached')).data.waitlistCount).toBe(1);

    // an organizer's change of a workshop
    await t.data(
      `mutation($id: ID!) { updateWorkshop(id: $id, input: { title: "Dialogische Haltung" }) { id } }`,
      { id: workshopId },
      { token },
    );
    expect((await read('cached')).data.agenda[0].workshops[0].title).toBe('Dialogische Haltung');
  });

  it('notices changes made behind the API too (database triggers keep the change counter)', async () => {
    await read('cached');
    await sql(freshEm(t), `update workshops set seats_taken = 4 where id = $1`, [workshopId]);
    expect((await read('cached')).data.agenda[0].workshops[0].seatsTaken).toBe(4);
    await sql(freshEm(t), `update workshops set seats_taken = 1 where id = $1`, [workshopId]);
  });

  it('follows the clock: the cutoff passing closes registration without any change', async () => {
    await sql(
      freshEm(t),
      `update events set registration_closes_at = now() + interval '1 second' where id = $1`,
      [eventId],
    );
    expect((await read('cached')).data.isRegistrationOpen).toBe(true);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await read('cached')).data.isRegistrationOpen).toBe(false);
  });

  it('never shares answers with organizers (they may see drafts and more)', async () => {
    await read('cached', { token });
    expect((await read('cached', { token })).statements).toBeGreaterThan(0);
  });
});
