import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { MikroORM } from '@mikro-orm/core';
import { sql } from '@fachtag/database';
import { addItem, addWorkshop, createEvent, day, publish } from './factories/events.js';
import { login } from './factories/organizers.js';
import { startTestApp, type TestApp } from './harness/index.js';
import { freshEm, register, seats, update } from './registrations-helpers.js';
import { PublicReadCache } from '../apps/api/src/graphql/public-read-cache.js';

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

/** Everything jest can fake except Date: the clock moves only when the test says so. */
const NOT_THE_DATE = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
] as const;

describe('the public read cache', () => {
  let t: TestApp;
  let token: string;
  let eventId: string;
  let workshopId: string;

  /** The query's answer and how many ORM statements it took (0: answered from the cache). */
  async function read(
    slug: string,
    options: { token?: string; variables?: Record<string, unknown> } = {},
  ) {
    const logger = t.app.get(MikroORM).config.getLogger();
    let statements = 0;
    const spy = jest.spyOn(logger, 'logQuery').mockImplementation(() => {
      statements += 1;
    });
    try {
      const data = await t.data<Agenda>(AGENDA, { slug, ...options.variables }, options);
      return { data: data.event, statements };
    } finally {
      spy.mockRestore();
    }
  }

  beforeAll(async () => {
    // no mail worker: nothing writes in the background while a test counts statements
    t = await startTestApp({ RUN_WORKER: 'false' });
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
    // The app reads the clock in this process: jest's fake Date is its injected clock (timers
    // stay real). The cutoff is an hour ahead; the clock is set to it (the cutoff instant
    // itself still counts as open) and then one millisecond past it.
    const closesAt = Date.now() + 3_600_000;
    await sql(freshEm(t), `update events set registration_closes_at = $2 where id = $1`, [
      eventId,
      new Date(closesAt).toISOString(),
    ]);
    jest.useFakeTimers({ now: closesAt, doNotFake: [...NOT_THE_DATE] });
    try {
      const before = await read('cached');
      expect(before.data.isRegistrationOpen).toBe(true);
      expect((await read('cached')).statements).toBe(0); // cached until the cutoff ...
      jest.setSystemTime(closesAt + 1);
      const after = await read('cached'); // ... and not a moment longer
      expect(after.statements).toBeGreaterThan(0);
      expect(after.data.isRegistrationOpen).toBe(false);
    } finally {
      jest.useRealTimers();
    }
  });

  it('never shares answers with organizers (they may see drafts and more)', async () => {
    await read('cached', { token });
    expect((await read('cached', { token })).statements).toBeGreaterThan(0);
  });

  it('keeps one entry per answer: variables the query does not declare are ignored', async () => {
    const cache = t.app.get(PublicReadCache);
    const first = await read('cached', { variables: { junk: 'first' } });
    const flood = async (round: string) => {
      for (let i = 0; i < 50; i++) {
        const variables = { [`junk${round}${i}`]: 'x'.repeat(1000), junk: `${round}${i}` };
        const r = await read('cached', { variables });
        expect(r.statements).toBe(0);
        expect(r.data).toEqual(first.data);
      }
    };
    await flood('a');
    const entries = cache.store.size;
    const bytes = cache.store.bytes;
    await flood('b');
    expect(cache.store.size).toBe(entries);
    expect(cache.store.bytes).toBe(bytes);
    // whitespace, comments and the operation's name do not make new entries either
    const spaced = `# a comment\nquery Agenda${AGENDA.slice('query'.length).replace(/ /g, '   ')}`;
    expect((await t.data<Agenda>(spaced, { slug: 'cached' })).event).toEqual(first.data);
    expect(cache.store.size).toBe(entries);
  });

  it('treats a sent but invalid token as an error, never as an anonymous reader', async () => {
    await read('cached');
    expect((await read('cached')).statements).toBe(0);
    const cache = t.app.get(PublicReadCache);
    const entries = cache.store.size;
    for (const authorization of ['Bearer not-a-token', 'Basic b3JnYTpwdw==', 'Bearer']) {
      const answer = await t.gql(AGENDA, { slug: 'cached' }, { headers: { authorization } });
      expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(answer.data?.event ?? null).toBeNull();
    }
    expect(cache.store.size).toBe(entries);
  });

  it('never serves stale seats when a swap commits while an answer is computed (A→B→A)', async () => {
    const at = day(51);
    const event = await createEvent(t, token, { slug: 'swap', capacity: 10 }, 51);
    const phase = await addItem(t, token, event.id, {
      kind: 'WORKSHOP_PHASE',
      title: 'Arbeitsphase I',
      startsAt: at('11:30'),
      endsAt: at('13:00'),
    });
    const w1 = (await addWorkshop(t, token, phase.id, { title: 'Eins', capacity: 5 })).id;
    const w2 = (await addWorkshop(t, token, phase.id, { title: 'Zwei', capacity: 5 })).id;
    await publish(t, token, event.id);
    const p1 = (await register(t, { eventId: event.id, workshopIds: [w1] })).manageToken!;
    const p2 = (await register(t, { eventId: event.id, workshopIds: [w2] })).manageToken!;
    const shown = (data: Agenda['event']) =>
      Object.fromEntries(data.agenda[0].workshops.map((w) => [w.id, w.seatsTaken]));
    const truth = async () => (await seats(t, event.id)).workshop;

    const cache = t.app.get(PublicReadCache);
    const fingerprint = cache.fingerprint.bind(cache);
    /**
     * One anonymous read with moves committed at chosen points: `afterFirst` right after the
     * cache's first fingerprint read (before the query runs), `beforeSecond` just before any
     * second one (after the query ran). Returns the seats that read showed.
     */
    async function readInterleaved(moves: {
      afterFirst: () => Promise<unknown>;
      beforeSecond?: () => Promise<unknown>;
    }) {
      let calls = 0;
      const spy = jest.spyOn(cache, 'fingerprint').mockImplementation(async (...args) => {
        calls += 1;
        if (calls === 2) await moves.beforeSecond?.();
        const result = await fingerprint(...args);
        if (calls === 1) await moves.afterFirst();
        return result;
      });
      try {
        return shown((await read('swap')).data);
      } finally {
        spy.mockRestore();
      }
    }

    // p1 moves to "Zwei" between the fingerprint and the query; then p2 moves to "Eins", and
    // the counters are back to what they were when the fingerprint was read
    const move = (p: string, w: string) => () => update(t, p, { workshopIds: [w] });
    expect(await readInterleaved({ afterFirst: move(p1, w2) })).toEqual({ [w1]: 0, [w2]: 2 });
    await move(p2, w1)();
    expect(await truth()).toMatchObject({ [w1]: 1, [w2]: 1 });
    expect(shown((await read('swap')).data)).toEqual({ [w1]: 1, [w2]: 1 });
    expect(shown((await read('swap')).data)).toEqual({ [w1]: 1, [w2]: 1 });

    // the same, with the move back committed after the query ran: the counters read after
    // the query equal those read before it, and the answer in between still must not be kept
    await move(p1, w1)(); // both in "Eins" now, which no cached answer shows yet
    expect(await readInterleaved({ afterFirst: move(p2, w2), beforeSecond: move(p2, w1) })).toEqual(
      { [w1]: 1, [w2]: 1 },
    );
    expect(await truth()).toMatchObject({ [w1]: 2, [w2]: 0 });
    expect(shown((await read('swap')).data)).toEqual({ [w1]: 2, [w2]: 0 });
    expect(shown((await read('swap')).data)).toEqual({ [w1]: 2, [w2]: 0 });
  });
});
