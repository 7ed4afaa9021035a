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
