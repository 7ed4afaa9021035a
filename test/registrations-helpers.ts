import { MikroORM, type EntityManager } from '@mikro-orm/core';
import { sql } from '@fachtag/database';
import type { TestApp } from './harness/index.js';

/** Fields of a Registration every test reads. */
export const REGISTRATION_FIELDS = `
  id status firstName lastName email organization jobTitle accessibilityNeeds dietaryNeeds
  createdAt updatedAt calendarUrl
  event { id title }
  workshops { id number title }
`;

const FRAGMENTS: Record<string, string> = {
  RegistrationClosedError: '... on RegistrationClosedError { closedAt }',
  RegistrationNotOpenError: '... on RegistrationNotOpenError { opensAt }',
  WorkshopFullError:
    '... on WorkshopFullError { workshop { id number } alternatives { id number seatsTaken capacity } }',
  InputInvalidError: '... on InputInvalidError { field }',
};

/** The error fields a union's members offer (GraphQL refuses fragments on non-members). */
function errorFields(...members: string[]): string {
  return ['__typename', '... on ErrorResult { errorCode message }']
    .concat(members.map((m) => FRAGMENTS[m]))
    .join('\n');
}

export const REGISTER = `
  mutation ($input: RegisterInput!) {
    register(input: $input) {
      ${errorFields('RegistrationClosedError', 'RegistrationNotOpenError', 'WorkshopFullError', 'InputInvalidError')}
      ... on RegistrationSuccess { manageToken registration { ${REGISTRATION_FIELDS} } }
    }
  }`;

export const UPDATE = `
  mutation ($token: String!, $input: UpdateRegistrationInput!) {
    updateRegistration(manageToken: $token, input: $input) {
      ${errorFields('RegistrationClosedError', 'WorkshopFullError', 'InputInvalidError')}
      ... on Registration { ${REGISTRATION_FIELDS} }
    }
  }`;

export const CANCEL = `
  mutation ($token: String!) {
    cancelRegistration(manageToken: $token) {
      ${errorFields('RegistrationClosedError')}
      ... on Registration { ${REGISTRATION_FIELDS} }
    }
  }`;

export const MY_REGISTRATION = `
  query ($token: String!) { myRegistration(manageToken: $token) { ${REGISTRATION_FIELDS} } }`;

export interface RegistrationData {
  id: string;
  status: 'CONFIRMED' | 'WAITLISTED' | 'CANCELLED';
  email: string;
  calendarUrl: string;
  createdAt: string;
  updatedAt: string;
  workshops: { id: string; number: number }[];
  event: { id: string };
  [field: string]: unknown;
}

/** A result union member as the tests see it. */
export interface ResultData {
  __typename: string;
  errorCode?: string;
  message?: string;
  closedAt?: string;
  opensAt?: string;
  field?: string[];
  workshop?: { id: string; number: number };
  alternatives?: { id: string; number: number; seatsTaken: number; capacity: number }[];
  manageToken?: string;
  registration?: RegistrationData;
}

let counter = 0;

/** Participant data with a fresh e-mail address. */
export function participant(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    firstName: 'Erika',
    lastName: 'Mustermann',
    email: `erika.${counter}.${Date.now()}@example.org`,
    organization: 'Stadt Köln',
    ...overrides,
  };
}

export async function register(t: TestApp, input: Record<string, unknown>): Promise<ResultData> {
  const data = await t.data<{ register: ResultData }>(REGISTER, {
    input: { privacyConsent: true, participant: participant(), ...input },
  });
  return data.register;
}

export async function update(
  t: TestApp,
  token: string,
  input: Record<string, unknown>,
): Promise<ResultData & Partial<RegistrationData>> {
  const data = await t.data<{ updateRegistration: ResultData & Partial<RegistrationData> }>(
    UPDATE,
    {
      token,
      input,
    },
  );
  return data.updateRegistration;
}

export async function cancel(
  t: TestApp,
  token: string,
): Promise<ResultData & Partial<RegistrationData>> {
  const data = await t.data<{ cancelRegistration: ResultData & Partial<RegistrationData> }>(
    CANCEL,
    {
      token,
    },
  );
  return data.cancelRegistration;
}

/** A fresh entity manager on the test app's database. */
export function freshEm(t: TestApp): EntityManager {
  return t.app.get(MikroORM).em.fork();
}

/** Seats taken per workshop id and of the event, straight from the database. */
export async function seats(t: TestApp, eventId: string) {
  const em = freshEm(t);
  const [event] = await sql<{ seats_taken: number }>(
    em,
    'select seats_taken from events where id = $1',
    [eventId],
  );
  const workshops = await sql<{ id: string; seats_taken: number }>(
    em,
    'select id, seats_taken from workshops where event_id = $1',
    [eventId],
  );
  return {
    event: event.seats_taken,
    workshop: Object.fromEntries(workshops.map((w) => [w.id, w.seats_taken])) as Record<
      string,
      number
    >,
  };
}

/** Mail jobs recorded for a registration, oldest first. */
export async function mailJobs(t: TestApp, registrationId?: string) {
  const rows = await sql<{
    data: { kind: string; registrationId: string; manageToken?: string; byOrganizer?: boolean };
  }>(freshEm(t), `select data from pgboss.job where name = 'mail' order by created_on, id`);
  return rows
    .map((r) => r.data)
    .filter((d) => registrationId === undefined || d.registrationId === registrationId);
}

/** Registrations' status counts per event, straight from the database. */
export async function statusCounts(t: TestApp, eventId: string): Promise<Record<string, number>> {
  const rows = await sql<{ status: string; n: number }>(
    freshEm(t),
    'select status, count(*)::int as n from registrations where event_id = $1 group by status',
    [eventId],
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/**
 * The mail jobs of a registration (kind and pg-boss state, oldest first) once
 * none of them is waiting to run or running. 'completed' and 'failed' jobs are
 * never fetched again and a waiting retry shows as 'retry': the proof that no
 * further mail is on its way, without sleeping.
 */
export async function settledMailJobs(
  t: TestApp,
  registrationId: string,
  timeoutMs = 30_000,
): Promise<Array<{ kind: string; state: string }>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await sql<{ kind: string; state: string }>(
      freshEm(t),
      `select data->>'kind' as kind, state from pgboss.job
        where name = 'mail' and data->>'registrationId' = $1 order by created_on, id`,
      [registrationId],
    );
    if (!rows.some((r) => r.state === 'created' || r.state === 'active')) return rows;
    if (Date.now() > deadline) throw new Error(`mail jobs of ${registrationId} still busy`);
    await new Promise((r) => setTimeout(r, 100)); // polling for a state, not a sleep
  }
}
