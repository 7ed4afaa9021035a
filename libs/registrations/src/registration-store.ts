import type { EntityManager } from '@mikro-orm/core';
import { sql } from '@fachtag/database';
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
