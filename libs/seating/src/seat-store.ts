import type { EntityManager } from '@mikro-orm/core';
import { sql } from '@fachtag/database';

/**
 * Seat reads outside the seat-changing calls. Every change of seats runs in one
 * of the PostgreSQL functions of migrations 0006, 0010 and 0012 (`seating_register`,
 * `seating_change`, `seating_cancel`, `seating_promote`, `seating_admit`), called from
 * admission-store.ts and seat-changes.ts: they lock the event row, then change
 * workshop rows in id order, with conditional updates backed by check
 * constraints, so no path can overbook.
 */

/**
 * SQL for a value that changes with every committed change of the seat counters
 * of the workshops of event `eventId` (a SQL expression), and never returns to
 * an earlier value: each row's `xmin`, the id of the transaction that wrote its
 * current version. Two swaps that bring the counters back to the same numbers
 * (A→B→A) still give a new value, without any write on the registration path.
 * The one place that knows how workshop seats are stored.
 */
export function workshopSeatsVersionSql(eventId: string): string {
  return `(select md5(coalesce(string_agg(w.id::text || '/' || w.xmin::text || '/' || w.seats_taken::text,
                                          ',' order by w.id), ''))
             from workshops w where w.event_id = ${eventId})`;
}

/** Registrations on each event's waiting list, in the order of `eventIds`: one grouped count. */
export async function waitingCounts(
  em: EntityManager,
  eventIds: readonly string[],
): Promise<number[]> {
  const rows = await sql<{ event_id: string; n: number }>(
    em,
    `select event_id, count(*)::int as n from registrations
      where status = 'WAITLISTED' and event_id = any($1::uuid[]) group by event_id`,
    [eventIds],
  );
  const counts = new Map(rows.map((r) => [r.event_id, r.n]));
  return eventIds.map((id) => counts.get(id) ?? 0);
}
