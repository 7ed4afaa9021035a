import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { startTestApp, type TestApp } from './harness/index.js';
import { createEventFixture, type EventFixtureOptions } from './factories/index.js';
import {
  CANCEL,
  cancel,
  freshEm,
  mailJobs,
  participant,
  register,
  seats,
  statusCounts,
  update,
  UPDATE,
} from './registrations-helpers.js';
import { sql } from '@fachtag/database';

/**
 * Real concurrent HTTP requests against the real app and PostgreSQL. Each test
 * fires its requests at once (Promise.all), so the database sees them
 * interleaved across the connection pool.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ RUN_WORKER: 'false' });
});
afterAll(() => t.close());

const fixture = (options: EventFixtureOptions) => createEventFixture(freshEm(t), options);
const times = <T>(n: number, fn: (i: number) => Promise<T>) =>
  Promise.all(Array.from({ length: n }, (_, i) => fn(i)));
const count = (results: { __typename: string }[], type: string) =>
  results.filter((r) => r.__typename === type).length;

describe('races', () => {
  it('50 registrations for 5 event seats give exactly 5', async () => {
    const f = await fixture({ capacity: 5, waitlistEnabled: false });
    const results = await times(50, () => register(t, { eventId: f.event.id, workshopIds: [] }));
    expect(count(results, 'RegistrationSuccess')).toBe(5);
    expect(count(results, 'EventFullError')).toBe(45);
    expect((await seats(t, f.event.id)).event).toBe(5);
    expect(await statusCounts(t, f.event.id)).toEqual({ CONFIRMED: 5 });
  });

  it('50 registrations for a workshop with 5 seats give exactly 5', async () => {
    const f = await fixture({ phases: [[5, 100]] });
    const [small] = f.workshops[0];
    const results = await times(50, () =>
      register(t, { eventId: f.event.id, workshopIds: [small.id] }),
    );
    expect(count(results, 'RegistrationSuccess')).toBe(5);
    expect(count(results, 'WorkshopFullError')).toBe(45);
    const state = await seats(t, f.event.id);
    expect(state.workshop[small.id]).toBe(5);
    expect(state.event).toBe(5);
  });

  it('concurrent swaps between two workshops neither deadlock nor leak a seat', async () => {
    const f = await fixture({ phases: [[6, 6]] });
    const [a, b] = f.workshops[0];
    const inA = await times(5, () => register(t, { eventId: f.event.id, workshopIds: [a.id] }));
    const inB = await times(5, () => register(t, { eventId: f.event.id, workshopIds: [b.id] }));
    // three rounds: everyone in A moves to B and everyone in B to A at the same time
    for (let round = 0; round < 3; round += 1) {
      const [toA, toB] = round % 2 === 0 ? [b, a] : [a, b];
      const results = await Promise.all([
        ...inA.map((r) => update(t, r.manageToken!, { workshopIds: [toA.id] })),
        ...inB.map((r) => update(t, r.manageToken!, { workshopIds: [toB.id] })),
      ]);
      for (const r of results)
        expect(['Registration', 'WorkshopFullError']).toContain(r.__typename);
      // each workshop has a free seat, so whoever goes first gets it: a version that
      // refuses every swap must fail here
      expect(count(results, 'Registration')).toBeGreaterThanOrEqual(1);
    }
    const state = await seats(t, f.event.id);
    const [held] = await sql<{ a: number; b: number }>(
      freshEm(t),
      `select count(*) filter (where workshop_id = $1)::int as a,
              count(*) filter (where workshop_id = $2)::int as b
         from registration_workshops`,
      [a.id, b.id],
    );
    expect(state.workshop[a.id] + state.workshop[b.id]).toBe(10);
    expect(state.workshop).toEqual({ [a.id]: held.a, [b.id]: held.b });
    expect(held.a).toBeLessThanOrEqual(6);
    expect(held.b).toBeLessThanOrEqual(6);
  });

  it('concurrent moves into a workshop with a seat for each of them all succeed', async () => {
    const f = await fixture({ phases: [[6, 6]] });
    const [a, b] = f.workshops[0];
    const inA = await times(5, () => register(t, { eventId: f.event.id, workshopIds: [a.id] }));
    const inB = await times(1, () => register(t, { eventId: f.event.id, workshopIds: [b.id] }));
    // B has five free seats: all five moves from A must succeed, whatever their order
    const results = await Promise.all(
      inA.map((r) => update(t, r.manageToken!, { workshopIds: [b.id] })),
    );
    expect(results.map((r) => r.__typename)).toEqual(Array(5).fill('Registration'));
    for (const r of results) expect(r.workshops?.map((w) => w.id)).toEqual([b.id]);
    expect((await seats(t, f.event.id)).workshop).toEqual({ [a.id]: 0, [b.id]: 6 });
    // and one more is refused: B is full now
    const [last] = await times(1, () => register(t, { eventId: f.event.id, workshopIds: [a.id] }));
    const refused = await update(t, last.manageToken!, { workshopIds: [b.id] });
    expect(refused.__typename).toBe('WorkshopFullError');
    expect(inB).toHaveLength(1);
  });

  it('20 registrations into an event with 3 seats left give 3 confirmed and 17 waitlisted', async () => {
    const f = await fixture({ capacity: 10, seatsTaken: 7, phases: [[50]] });
    const results = await times(20, () =>
      register(t, { eventId: f.event.id, workshopIds: [f.workshops[0][0].id] }),
    );
    const statuses = results.map((r) => r.registration!.status);
    expect(statuses.filter((s) => s === 'CONFIRMED')).toHaveLength(3);
    expect(statuses.filter((s) => s === 'WAITLISTED')).toHaveLength(17);
    expect(await seats(t, f.event.id)).toEqual({
      event: 10,
      workshop: { [f.workshops[0][0].id]: 3 },
    });
    const positions = await sql<{ p: number }>(
      freshEm(t),
      `select waitlist_position as p from registrations where event_id = $1 and status = 'WAITLISTED'`,
      [f.event.id],
    );
    expect(new Set(positions.map((r) => r.p)).size).toBe(17);
  });

  it('concurrent cancellations promote each waiting participant exactly once', async () => {
    const f = await fixture({ capacity: 5, phases: [[5, 5]] });
    const [a] = f.workshops[0];
    const confirmed = [];
    for (let i = 0; i < 5; i += 1) {
      confirmed.push(await register(t, { eventId: f.event.id, workshopIds: [a.id] }));
    }
    const waiting = [];
    for (let i = 0; i < 7; i += 1) {
      waiting.push(await register(t, { eventId: f.event.id, workshopIds: [a.id] }));
    }
    // every holder cancels twice at once: ten concurrent cancellations
    const results = await Promise.all(
      [...confirmed, ...confirmed].map((r) => cancel(t, r.manageToken!)),
    );
    expect(results.every((r) => r.status === 'CANCELLED')).toBe(true);
    expect(await statusCounts(t, f.event.id)).toEqual({
      CANCELLED: 5,
      CONFIRMED: 5,
      WAITLISTED: 2,
    });
    const state = await seats(t, f.event.id);
    expect(state.event).toBe(5);
    expect(Object.values(state.workshop).reduce((x, y) => x + y, 0)).toBe(5);
    // first come, first served: the five who waited longest, each promoted once
    for (const [i, w] of waiting.entries()) {
      const promotions = (await mailJobs(t, w.registration!.id)).filter(
        (j) => j.kind === 'registration.promoted',
      );
      expect(promotions).toHaveLength(i < 5 ? 1 : 0);
    }
    for (const c of confirmed) {
      const cancellations = (await mailJobs(t, c.registration!.id)).filter(
        (j) => j.kind === 'registration.cancelled',
      );
      expect(cancellations).toHaveLength(1);
    }
  });

  it('a participant’s changes racing their own cancellation: seats match, one mail per committed change', async () => {
    const f = await fixture({ capacity: 10, phases: [[10, 10, 10]] });
    const [a, b, c] = f.workshops[0];
    const holders = await times(5, () => register(t, { eventId: f.event.id, workshopIds: [a.id] }));
    const revision = async (id: string) =>
      (
        await sql<{ revision: number }>(
          freshEm(t),
          'select revision from registrations where id = $1',
          [id],
        )
      )[0].revision;
    const before = await Promise.all(holders.map((h) => revision(h.registration!.id)));
    // each holder at once: to B, to C, new details, and a cancellation
    const answers = await Promise.all(
      holders.flatMap((h, i) => [
        t.gql(UPDATE, { token: h.manageToken, input: { workshopIds: [b.id] } }),
        t.gql(UPDATE, { token: h.manageToken, input: { workshopIds: [c.id] } }),
        t.gql(UPDATE, {
          token: h.manageToken,
          input: { participant: participant({ firstName: `Changed ${i}` }) },
        }),
        t.gql(CANCEL, { token: h.manageToken }),
      ]),
    );
    for (const answer of answers) {
      // a change that comes after the cancellation finds no active registration
      const outcome =
        answer.errors?.[0]?.extensions?.code ??
        (Object.values(answer.data ?? {})[0] as { __typename: string }).__typename;
      expect(['Registration', 'RegistrationNotFoundError']).toContain(outcome);
    }
    expect(await statusCounts(t, f.event.id)).toEqual({ CANCELLED: 5 });
    expect(await seats(t, f.event.id)).toEqual({
      event: 0,
      workshop: { [a.id]: 0, [b.id]: 0, [c.id]: 0 },
    });
    // a cancelled registration holds no workshops
    const [held] = await sql<{ n: number }>(
      freshEm(t),
      'select count(*)::int as n from registration_workshops where workshop_id = any($1::uuid[])',
      [[a.id, b.id, c.id]],
    );
    expect(held.n).toBe(0);
    for (const [i, h] of holders.entries()) {
      const id = h.registration!.id;
      const jobs = await mailJobs(t, id);
      // every committed change raised the revision once, the cancellation too
      const changes = (await revision(id)) - before[i] - 1;
      expect(jobs.filter((j) => j.kind === 'registration.changed')).toHaveLength(changes);
      expect(jobs.filter((j) => j.kind === 'registration.cancelled')).toHaveLength(1);
    }
  });

  it('one e-mail registering ten times at once gets one registration', async () => {
    const f = await fixture({ capacity: 20 });
    const who = participant();
    const results = await times(10, () =>
      register(t, { eventId: f.event.id, workshopIds: [], participant: who }),
    );
    expect(count(results, 'RegistrationSuccess')).toBe(1);
    expect(count(results, 'AlreadyRegisteredError')).toBe(9);
    expect((await seats(t, f.event.id)).event).toBe(1);
  });
});

describe('control: the race the conditional update guards', () => {
  /**
   * The naive way: read the seats, decide in the application, write. Twenty
   * concurrent transactions all read "0 of 5 taken" and all believe they got a seat.
   * A barrier (not a sleep) holds every writer until all twenty have read, so the
   * interleaving is the same on a loaded machine.
   */
  async function naiveBookings(
    write: 'increment' | 'overwrite',
  ): Promise<{ believed: number; refused: number; stored: number }> {
    const f = await fixture({ phases: [[5]] });
    const workshopId = f.workshops[0][0].id;
    const pool = new pg.Pool({ connectionString: t.databaseUrl, max: 20 });
    let believed = 0;
    let refused = 0;
    let read = 0;
    let allRead!: () => void;
    const everyoneRead = new Promise<void>((resolve) => (allRead = resolve));
    try {
      await times(20, async () => {
        const client = await pool.connect();
        try {
          await client.query('begin');
          const { rows } = await client.query<{ seats_taken: number; capacity: number }>(
            'select seats_taken, capacity from workshops where id = $1',
            [workshopId],
          );
          // nobody writes before every reader has read
          read += 1;
          if (read === 20) allRead();
          await everyoneRead;
          if (rows[0].seats_taken < rows[0].capacity) {
            await client.query(
              write === 'increment'
                ? 'update workshops set seats_taken = seats_taken + 1 where id = $1'
                : 'update workshops set seats_taken = $2 where id = $1',
              write === 'increment' ? [workshopId] : [workshopId, rows[0].seats_taken + 1],
            );
            believed += 1;
          }
          await client.query('commit');
        } catch {
          refused += 1;
          await client.query('rollback');
        } finally {
          client.release();
        }
      });
      const { rows } = await pool.query<{ seats_taken: number }>(
        'select seats_taken from workshops where id = $1',
        [workshopId],
      );
      return { believed, refused, stored: rows[0].seats_taken };
    } finally {
      await pool.end();
    }
  }

  it('read-then-increment would overbook: only the check constraint refuses the surplus', async () => {
    const result = await naiveBookings('increment');
    // all twenty read "0 of 5" and write; workshops_seats_within_capacity refuses fifteen
    expect(result).toEqual({ believed: 5, refused: 15, stored: 5 });
  });

  it('read-then-overwrite loses updates: twenty bookings believed, the counter says one', async () => {
    const result = await naiveBookings('overwrite');
    // all twenty read 0 and write 1: every one believes it booked, nineteen bookings are lost
    expect(result).toEqual({ believed: 20, refused: 0, stored: 1 });
  });
});
