import type { EntityManager } from '@mikro-orm/core';
import { sql } from '@fachtag/database';

/**
 * Who holds which seat: a registration's status (confirmed, waiting, cancelled)
 * and its workshop choices (seats when confirmed, wishes while waiting). Seating
 * changes them together with the seat counters, under the event's lock.
 */

/** A registration's status as seating sees it (the registrations lib's enum has the same values). */
export type SeatStatus = 'CONFIRMED' | 'WAITLISTED' | 'CANCELLED';

export interface Choice {
  phaseId: string;
  workshopId: string;
}

export async function readChoices(em: EntityManager, registrationId: string): Promise<Choice[]> {
  const rows = await sql<{ phase_id: string; workshop_id: string }>(
    em,
    `select phase_id, workshop_id from registration_workshops where registration_id = $1`,
    [registrationId],
  );
  return rows.map((r) => ({ phaseId: r.phase_id, workshopId: r.workshop_id }));
}

/** Replaces the workshop choices (or wishes) of a registration. */
export async function replaceChoices(
  em: EntityManager,
  registrationId: string,
  choices: readonly Choice[],
): Promise<void> {
  await sql(em, `delete from registration_workshops where registration_id = $1`, [registrationId]);
  await insertChoices(em, registrationId, choices);
}

/** The choices of a new registration, in one statement. */
export async function insertChoices(
  em: EntityManager,
  registrationId: string,
  choices: readonly Choice[],
): Promise<void> {
  if (choices.length === 0) return;
  await sql(
    em,
    `insert into registration_workshops (registration_id, phase_id, workshop_id)
     select $1, unnest($2::uuid[]), unnest($3::uuid[])`,
    [registrationId, choices.map((c) => c.phaseId), choices.map((c) => c.workshopId)],
  );
}

/**
 * Sets the status (with waitlist position and cancel stamp to match) and
 * raises the revision, as every status change alters the participant's calendar.
 */
export async function setStatus(
  em: EntityManager,
  id: string,
  status: SeatStatus,
  byOrganizer = false,
): Promise<void> {
  await sql(
    em,
    `update registrations set status = $2,
        waitlist_position = case when $2 = 'WAITLISTED'
          then coalesce(waitlist_position, nextval('registrations_waitlist_seq')) end,
        cancelled_at = case when $2 = 'CANCELLED' then now() end,
        cancelled_by_organizer = ($2 = 'CANCELLED' and $3::boolean)
      where id = $1`,
    [id, status, byOrganizer],
  );
  await touch(em, id);
}

/** Marks a change participants' calendars must learn about. */
export async function touch(em: EntityManager, id: string): Promise<void> {
  await sql(
    em,
    `update registrations set revision = revision + 1,
        updated_at = date_trunc('milliseconds', clock_timestamp()) where id = $1`,
    [id],
  );
}

/** Waiting registrations per workshop they wish for (no seat held yet). */
export async function waitingWishes(
  em: EntityManager,
  workshopIds: readonly string[],
): Promise<Map<string, number>> {
  if (workshopIds.length === 0) return new Map();
  const rows = await sql<{ workshop_id: string; n: number }>(
    em,
    `select rw.workshop_id, count(*)::int as n
       from registration_workshops rw join registrations r on r.id = rw.registration_id
      where r.status = 'WAITLISTED' and rw.workshop_id = any($1::uuid[])
      group by rw.workshop_id`,
    [workshopIds],
  );
  return new Map(rows.map((r) => [r.workshop_id, r.n]));
}
