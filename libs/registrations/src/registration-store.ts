import type { EntityManager } from '@mikro-orm/core';
import { sql } from '@fachtag/database';
import type { RegistrationWindowInput } from '@fachtag/events';
import type { CleanParticipant } from './domain/index.js';
import { readChoices, type Choice } from '@fachtag/seating';
import { RegistrationStatus } from './registration.entity.js';
import { sameHash } from './tokens.js';

/**
 * SQL for registration rows inside a seat-changing unit of work. Reads here
 * happen after the event lock and see the latest committed state, which an
 * ORM identity map would not guarantee.
 */

/** A registration's state, read under the event lock. */
export interface RegistrationState {
  id: string;
  eventId: string;
  status: RegistrationStatus;
  emailNormalized: string;
  choices: Choice[];
}

/** Id and event of the registration with this token hash (no lock). */
export async function findByTokenHash(
  em: EntityManager,
  tokenHash: string,
): Promise<{ id: string; eventId: string } | null> {
  const [row] = await sql<{ id: string; event_id: string; manage_token_hash: string }>(
    em,
    `select id, event_id, manage_token_hash from registrations where manage_token_hash = $1`,
    [tokenHash],
  );
  return row && sameHash(row.manage_token_hash, tokenHash)
    ? { id: row.id, eventId: row.event_id }
    : null;
}

/** The registration's current state, row-locked for this transaction. */
export async function lockRegistration(
  em: EntityManager,
  id: string,
): Promise<RegistrationState | null> {
  const [row] = await sql<{
    id: string;
    event_id: string;
    status: RegistrationStatus;
    email_normalized: string;
  }>(
    em,
    `select id, event_id, status, email_normalized from registrations where id = $1 for update`,
    [id],
  );
  if (!row) return null;
  return {
    id: row.id,
    eventId: row.event_id,
    status: row.status,
    emailNormalized: row.email_normalized,
    choices: await readChoices(em, id),
  };
}

/** Id of another active registration of the event under this e-mail, if any. */
export async function activeRegistrationFor(
  em: EntityManager,
  eventId: string,
  emailNormalized: string,
): Promise<string | null> {
  const [row] = await sql<{ id: string }>(
    em,
    `select id from registrations
      where event_id = $1 and email_normalized = $2 and status <> 'CANCELLED'`,
    [eventId, emailNormalized],
  );
  return row?.id ?? null;
}

/** Overwrites the participant fields; false when nothing differed (no change to tell anyone). */
export async function updateParticipant(
  em: EntityManager,
  id: string,
  p: CleanParticipant,
): Promise<boolean> {
  const rows = await sql(
    em,
    `update registrations set first_name = $2, last_name = $3, email = $4, email_normalized = $5,
        organization = $6, job_title = $7, accessibility_needs = $8, dietary_needs = $9
      where id = $1
        and (first_name, last_name, email, organization, job_title, accessibility_needs, dietary_needs)
            is distinct from ($2::text, $3::text, $4::text, $6::text, $7::text, $8::text, $9::text)
      returning id`,
    [
      id,
      p.firstName,
      p.lastName,
      p.email,
      p.emailNormalized,
      p.organization,
      p.jobTitle,
      p.accessibilityNeeds,
      p.dietaryNeeds,
    ],
  );
  return rows.length === 1;
}

/** A registration with what a participant's change or cancellation decides on, read without a lock. */
export interface ChangeSnapshot {
  id: string;
  eventId: string;
  status: RegistrationStatus;
  choices: Choice[];
  event: RegistrationWindowInput;
  /** When the event row was last updated (a cancelled event closed then). */
  eventUpdatedAt: Date;
  /** The database's clock, the one the premise is checked against. */
  now: Date;
  /** Another active registration of the event uses the new address. */
  emailTaken: boolean;
  /** The event's workshops in agenda order (only when asked for). */
  workshops: { id: string; phaseId: string; phaseTitle: string; number: number; title: string }[];
}

/**
 * The registration behind a manage token hash with its event's window, its
 * choices and, on request, the event's workshops and whether another active
 * registration uses `emailNormalized`: one statement, one snapshot, no lock.
 */
export async function readChangeSnapshot(
  em: EntityManager,
  tokenHash: string,
  emailNormalized: string | null,
  withWorkshops: boolean,
): Promise<ChangeSnapshot | null> {
  return readSnapshot(em, { tokenHash }, emailNormalized, withWorkshops);
}

/** The same snapshot by registration id (organizers' changes), with the event's workshops. */
export async function readChangeSnapshotById(
  em: EntityManager,
  id: string,
): Promise<ChangeSnapshot | null> {
  return readSnapshot(em, { id }, null, true);
}

async function readSnapshot(
  em: EntityManager,
  key: { tokenHash: string } | { id: string },
  emailNormalized: string | null,
  withWorkshops: boolean,
): Promise<ChangeSnapshot | null> {
  const byId = 'id' in key;
  const [row] = await sql<{
    id: string;
    event_id: string;
    status: RegistrationStatus;
    manage_token_hash: string;
    event_status: RegistrationWindowInput['status'];
    opens_ms: string | null;
    closes_ms: string;
    updated_ms: string;
    now_ms: string;
    choices: Choice[];
    email_taken: boolean;
    workshops: ChangeSnapshot['workshops'] | null;
  }>(
    em,
    `select r.id, r.event_id, r.status, r.manage_token_hash, e.status as event_status,
            (extract(epoch from e.registration_opens_at) * 1000)::bigint as opens_ms,
            (extract(epoch from e.registration_closes_at) * 1000)::bigint as closes_ms,
            (extract(epoch from e.updated_at) * 1000)::bigint as updated_ms,
            (extract(epoch from clock_timestamp()) * 1000)::bigint as now_ms,
            coalesce((select json_agg(json_build_object('phaseId', rw.phase_id,
                        'workshopId', rw.workshop_id))
                        from registration_workshops rw where rw.registration_id = r.id),
                     '[]'::json) as choices,
            ($2::text is not null and exists (
              select 1 from registrations o
               where o.event_id = r.event_id and o.email_normalized = $2::text
                 and o.status <> 'CANCELLED' and o.id <> r.id)) as email_taken,
            case when $3::boolean then coalesce((
              select json_agg(json_build_object('id', w.id, 'phaseId', w.phase_id,
                       'phaseTitle', a.title, 'number', w.number, 'title', w.title)
                       order by a.starts_at, a.id, w.number)
                from workshops w join agenda_items a on a.id = w.phase_id
               where w.event_id = r.event_id), '[]'::json) end as workshops
       from registrations r join events e on e.id = r.event_id
      where ${byId ? 'r.id = $1::uuid' : 'r.manage_token_hash = $1'}`,
    ['id' in key ? key.id : key.tokenHash, emailNormalized, withWorkshops],
  );
  if (!row || ('tokenHash' in key && !sameHash(row.manage_token_hash, key.tokenHash))) return null;
  const updatedAt = new Date(Number(row.updated_ms));
  return {
    id: row.id,
    eventId: row.event_id,
    status: row.status,
    choices: row.choices,
    event: {
      status: row.event_status,
      registrationOpensAt: row.opens_ms === null ? null : new Date(Number(row.opens_ms)),
      registrationClosesAt: new Date(Number(row.closes_ms)),
      // a cancelled event closed when it was cancelled (its last update)
      cancelledAt: row.event_status === 'CANCELLED' ? updatedAt : null,
    },
    eventUpdatedAt: updatedAt,
    now: new Date(Number(row.now_ms)),
    emailTaken: row.email_taken,
    workshops: row.workshops ?? [],
  };
}
