import type { EntityManager } from '@mikro-orm/core';
import { sql } from '@fachtag/database';

/** Registrations that are confirmed or waiting, per event in the order of `eventIds`: one grouped count. */
export async function activeRegistrationCounts(
  em: EntityManager,
  eventIds: readonly string[],
): Promise<number[]> {
  const rows = await sql<{ event_id: string; n: number }>(
    em,
    `select event_id, count(*)::int as n from registrations
      where status in ('CONFIRMED', 'WAITLISTED') and event_id = any($1::uuid[]) group by event_id`,
    [eventIds],
  );
  const counts = new Map(rows.map((r) => [r.event_id, r.n]));
  return eventIds.map((id) => counts.get(id) ?? 0);
}
