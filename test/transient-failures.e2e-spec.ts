import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from '@fachtag/database';
import { startTestApp, type TestApp } from './harness/index.js';
import { createEventFixture } from './factories/index.js';
import { login } from './factories/organizers.js';
import {
  freshEm,
  mailJobs,
  participant,
  register,
  seats,
  statusCounts,
  update,
} from './registrations-helpers.js';

// PostgreSQL now and then fails a lock on the events row with "new multixact has
// more than one updating member" (XX000) while seat functions race (it failed
// one CI run of test/registrations-race.e2e-spec.ts). The failed statement or
// transaction wrote nothing, so the server runs the same work again
// (libs/database/src/transient.ts). The race itself cannot be provoked on
// demand; a trigger raises the very error the first N times instead, on one
// event's rows only, and the tests show the work is done once, in full.

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await startTestApp({ RUN_WORKER: 'false' });
  admin = await login(t);
});
afterAll(() => t.close());
afterEach(() => injectNoMore());

const MULTIXACT =
  'new multixact has more than one updating member: 0 2[1 (nokeyupd), 2 (nokeyupd)]';

/** The next `times` inserts/updates of `table` rows of this event fail as PostgreSQL's race does. */
async function injectFailures(table: 'registrations' | 'events', eventId: string, times: number) {
  const em = freshEm(t);
  const column = table === 'events' ? 'id' : 'event_id';
  await sql(em, 'drop sequence if exists test_injected_failures');
  await sql(em, 'create sequence test_injected_failures');
  // nextval is not rolled back with the failed statement: it counts the tries
  await sql(
    em,
    `create or replace function test_inject_failure() returns trigger language plpgsql as $$
     begin
       if new.${column} = '${eventId}' and nextval('test_injected_failures') <= ${times} then
         raise exception using errcode = 'XX000', message = '${MULTIXACT}';
       end if;
       return new;
     end $$`,
  );
  await sql(
    em,
    `create trigger test_inject_failure before insert or update on ${table}
       for each row execute function test_inject_failure()`,
  );
}

async function injectNoMore() {
  const em = freshEm(t);
  await sql(em, 'drop trigger if exists test_inject_failure on registrations');
  await sql(em, 'drop trigger if exists test_inject_failure on events');
  await sql(em, 'drop function if exists test_inject_failure()');
  await sql(em, 'drop sequence if exists test_injected_failures');
}

/** How often the injected failure was raised or passed (the tries that reached the trigger). */
async function tries(): Promise<number> {
  const [row] = await sql<{ n: string }>(
    freshEm(t),
    'select last_value as n from test_injected_failures',
  );
  return Number(row.n);
}

describe('a transient lock failure of PostgreSQL', () => {
  it('a participant registration is tried again and done once: one registration, one seat, one mail', async () => {
    const f = await createEventFixture(freshEm(t), { capacity: 5, phases: [[5]] });
    const w = f.workshops[0][0];
    await injectFailures('registrations', f.event.id, 2);
    const answer = await register(t, { eventId: f.event.id, workshopIds: [w.id] });
    expect(answer.__typename).toBe('RegistrationSuccess');
    expect(await tries()).toBe(3);
    expect(await statusCounts(t, f.event.id)).toEqual({ CONFIRMED: 1 });
    expect(await seats(t, f.event.id)).toEqual({ event: 1, workshop: { [w.id]: 1 } });
    const jobs = await mailJobs(t);
    expect(jobs.filter((j) => j.registrationId === answer.registration!.id)).toHaveLength(1);
  });

  it("an organizer's registration on someone's behalf (a transaction) is run again", async () => {
    const f = await createEventFixture(freshEm(t), { phases: [[5]] });
    await injectFailures('registrations', f.event.id, 1);
    const { registerOnBehalf } = await t.data<{
      registerOnBehalf: { __typename: string; status?: string };
    }>(
      `mutation ($eventId: ID!, $input: RegisterOnBehalfInput!) {
         registerOnBehalf(eventId: $eventId, input: $input) {
           __typename ... on Registration { status } } }`,
      {
        eventId: f.event.id,
        input: {
          privacyConsent: true,
          participant: participant(),
          workshopIds: [f.workshops[0][0].id],
        },
      },
      { token: admin },
    );
    expect(registerOnBehalf).toEqual({ __typename: 'Registration', status: 'CONFIRMED' });
    expect(await tries()).toBe(2);
    expect(await statusCounts(t, f.event.id)).toEqual({ CONFIRMED: 1 });
  });

  it("a participant's change of workshops is tried again", async () => {
    const f = await createEventFixture(freshEm(t), { phases: [[5, 5]] });
    const [a, b] = f.workshops[0];
    const made = await register(t, { eventId: f.event.id, workshopIds: [a.id] });
    await injectFailures('registrations', f.event.id, 1);
    const changed = await update(t, made.manageToken!, { workshopIds: [b.id] });
    expect(changed.__typename).toBe('Registration');
    expect(await tries()).toBe(2);
    expect((await seats(t, f.event.id)).workshop).toEqual({ [a.id]: 0, [b.id]: 1 });
  });

  it("an organizer's change of an event (a transaction) is run again", async () => {
    const f = await createEventFixture(freshEm(t), { capacity: 5, phases: [[5]] });
    await injectFailures('events', f.event.id, 2);
    const { updateEvent } = await t.data<{ updateEvent: { capacity: number } }>(
      'mutation ($id: ID!) { updateEvent(id: $id, input: { capacity: 7 }) { capacity } }',
      { id: f.event.id },
      { token: admin },
    );
    expect(updateEvent.capacity).toBe(7);
    expect(await tries()).toBe(3);
  });

  it('a failure that persists ends in an error after a few tries and writes nothing', async () => {
    const f = await createEventFixture(freshEm(t), { phases: [[5]] });
    await injectFailures('registrations', f.event.id, 1000);
    const res = await t.gql<{ register: unknown }>(
      `mutation ($input: RegisterInput!) { register(input: $input) { __typename } }`,
      {
        input: {
          eventId: f.event.id,
          privacyConsent: true,
          participant: participant(),
          workshopIds: [f.workshops[0][0].id],
        },
      },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(await tries()).toBe(5);
    expect(await statusCounts(t, f.event.id)).toEqual({});
    expect(await seats(t, f.event.id)).toMatchObject({ event: 0 });
  });
});
