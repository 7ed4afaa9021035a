import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import { sql } from '@fachtag/database';
import { startTestApp, type TestApp } from './harness/index.js';
import { createEventFixture, type EventFixtureOptions } from './factories/index.js';
import { cancel, freshEm, participant, register } from './registrations-helpers.js';

/**
 * Registration rules that had no test of their own (issue 14): the calendar of
 * a waitlisted registration, a keyed retry after a refusal, and the purge of
 * idempotency records after 48 hours.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ RUN_WORKER: 'false' });
});
afterAll(() => t.close());

const fixture = (options: EventFixtureOptions) => createEventFixture(freshEm(t), options);
const exec = <T extends object>(text: string, values: unknown[] = []) =>
  sql<T>(freshEm(t), text, values);

/** The VEVENTs of a served calendar, as ical.js (an independent parser) reads them. */
async function feed(calendarUrl: string) {
  const res = await fetch(calendarUrl.replace(t.config.publicBaseUrl, t.baseUrl));
  expect(res.status).toBe(200);
  const calendar = new ICAL.Component(ICAL.parse(await res.text()));
  return calendar.getAllSubcomponents('vevent').map((c) => ({
    summary: String(c.getFirstPropertyValue('summary')),
    status: String(c.getFirstPropertyValue('status')),
  }));
}

describe('the calendar of a waitlisted registration', () => {
  it('shows the event as TENTATIVE without workshops, and CONFIRMED with them once promoted', async () => {
    const f = await fixture({ capacity: 1, phases: [[1, 1]] });
    const [w1, w2] = f.workshops[0];
    const holder = await register(t, { eventId: f.event.id, workshopIds: [w1.id] });
    const waiting = await register(t, { eventId: f.event.id, workshopIds: [w2.id] });
    expect(waiting.registration!.status).toBe('WAITLISTED');

    expect(await feed(waiting.registration!.calendarUrl)).toEqual([
      { summary: f.event.title, status: 'TENTATIVE' },
    ]);

    expect((await cancel(t, holder.manageToken!)).status).toBe('CANCELLED');
    const promoted = await feed(waiting.registration!.calendarUrl);
    expect(promoted.map((e) => e.status)).toEqual(['CONFIRMED', 'CONFIRMED']);
    expect(promoted.map((e) => e.summary)).toContainEqual(expect.stringContaining(w2.title));
  });
});

describe('idempotency keys', () => {
  it('decide a retry after a refusal afresh: nothing of the refusal is kept', async () => {
    const f = await fixture({ capacity: 1, waitlistEnabled: false });
    const holder = await register(t, { eventId: f.event.id, workshopIds: [] });
    const records = async () =>
      (await exec<{ n: number }>('select count(*)::int as n from idempotency_records'))[0].n;
    const before = await records();
    const input = {
      eventId: f.event.id,
      workshopIds: [],
      participant: participant(),
      idempotencyKey: `after-refusal-${f.event.id}`,
    };
    expect((await register(t, input)).__typename).toBe('EventFullError');
    expect(await records()).toBe(before);

    // the seat comes free: the same request under the same key now succeeds
    await cancel(t, holder.manageToken!);
    const retried = await register(t, input);
    expect(retried.__typename).toBe('RegistrationSuccess');
    expect(retried.registration!.status).toBe('CONFIRMED');
    expect(await records()).toBe(before + 1);
    // and from now on the key replays that success
    expect((await register(t, input)).registration!.id).toBe(retried.registration!.id);
  });

  it('are purged after 48 hours by a later keyed registration, and kept until then', async () => {
    const f = await fixture({ capacity: null });
    const keyed = (key: string) =>
      register(t, { eventId: f.event.id, workshopIds: [], idempotencyKey: `${key}-${f.event.id}` });
    const old = await keyed('old');
    const young = await keyed('young');
    // the records' age, set on the database's clock (the one the purge reads)
    const age = (registrationId: string, hours: number) =>
      exec(
        `update idempotency_records set created_at = now() - $2 * interval '1 hour'
          where registration_id = $1`,
        [registrationId, hours],
      );
    await age(old.registration!.id, 48.01);
    await age(young.registration!.id, 47.99);
    const kept = async () =>
      (
        await exec<{ registration_id: string }>(
          'select registration_id from idempotency_records where registration_id = any($1)',
          [[old.registration!.id, young.registration!.id]],
        )
      ).map((r) => r.registration_id);
    expect((await kept()).sort()).toEqual([old.registration!.id, young.registration!.id].sort());

    const later = await keyed('later');
    expect(later.__typename).toBe('RegistrationSuccess');
    expect(await kept()).toEqual([young.registration!.id]);
  });
});
