import type { EntityManager } from '@mikro-orm/core';
import { sql } from '@fachtag/database';
import type { PhaseOption, WorkshopSeats } from './domain/index.js';

/**
 * The SQL that decides seats. Every unit of work that changes seats of an event
 * first locks the event row (`lockEvent`), then changes workshop rows in id
 * order: one lock order everywhere, so concurrent changes queue instead of
 * deadlocking. The seat changes themselves are conditional updates, so even a
 * path that forgot the lock could not overbook (and the check constraints back
 * that up).
 */

/** Event state read under its row lock. */
export interface LockedEvent {
  id: string;
  status: 'DRAFT' | 'PUBLISHED' | 'CANCELLED';
  capacity: number | null;
  seatsTaken: number;
  waitlistEnabled: boolean;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date;
  updatedAt: Date;
}

interface EventRow {
  id: string;
  status: LockedEvent['status'];
  capacity: number | null;
  seats_taken: number;
  waitlist_enabled: boolean;
  opens_ms: string | null;
  closes_ms: string;
  updated_ms: string;
}

/** Locks the event row for this transaction and returns its state; null when unknown. */
export async function lockEvent(em: EntityManager, eventId: string): Promise<LockedEvent | null> {
  const [row] = await sql<EventRow>(
    em,
    `select id, status, capacity, seats_taken, waitlist_enabled,
            (extract(epoch from registration_opens_at) * 1000)::bigint as opens_ms,
            (extract(epoch from registration_closes_at) * 1000)::bigint as closes_ms,
            (extract(epoch from updated_at) * 1000)::bigint as updated_ms
       from events where id = $1 for no key update`,
    [eventId],
  );
  if (!row) return null;
  return {
    id: row.id,
    status: row.status,
    capacity: row.capacity,
    seatsTaken: row.seats_taken,
    waitlistEnabled: row.waitlist_enabled,
    registrationOpensAt: row.opens_ms === null ? null : new Date(Number(row.opens_ms)),
    registrationClosesAt: new Date(Number(row.closes_ms)),
    updatedAt: new Date(Number(row.updated_ms)),
  };
}

/** Takes one event seat if one is left (or the event has no limit). */
export async function takeEventSeat(em: EntityManager, eventId: string): Promise<boolean> {
  const rows = await sql(
    em,
    `update events set seats_taken = seats_taken + 1
      where id = $1 and (capacity is null or seats_taken < capacity) returning id`,
    [eventId],
  );
  return rows.length === 1;
}

export async function releaseEventSeat(em: EntityManager, eventId: string): Promise<void> {
  await sql(
    em,
    `update events set seats_taken = seats_taken - 1 where id = $1 and seats_taken > 0`,
    [eventId],
  );
}

/** Takes one seat of a workshop if one is left. */
export async function takeWorkshopSeat(em: EntityManager, workshopId: string): Promise<boolean> {
  const rows = await sql(
    em,
    `update workshops set seats_taken = seats_taken + 1
      where id = $1 and seats_taken < capacity returning id`,
    [workshopId],
  );
  return rows.length === 1;
}

export async function releaseWorkshopSeat(em: EntityManager, workshopId: string): Promise<void> {
  await sql(
    em,
    `update workshops set seats_taken = seats_taken - 1 where id = $1 and seats_taken > 0`,
    [workshopId],
  );
}

/**
 * Takes one seat in each workshop in one statement; returns the first (by id)
 * that had none left, or null. Callers hold the event lock, which serialises
 * seat changes of the event, so the rows' lock order cannot deadlock.
 */
async function takeWorkshopSeats(em: EntityManager, ids: string[]): Promise<string | null> {
  if (ids.length === 0) return null;
  const rows = await sql<{ id: string }>(
    em,
    `update workshops set seats_taken = seats_taken + 1
      where id = any($1::uuid[]) and seats_taken < capacity returning id`,
    [ids],
  );
  const taken = new Set(rows.map((r) => r.id));
  return [...ids].sort().find((id) => !taken.has(id)) ?? null;
}

/**
 * Applies seat moves in one ascending id order (releases and takes mixed), so
 * two participants swapping between the same workshops lock them in the same
 * order. Returns the first workshop that had no seat, or null.
 */
export async function moveWorkshopSeats(
  em: EntityManager,
  moves: { release: string[]; take: string[] },
): Promise<string | null> {
  if (moves.release.length === 0) return takeWorkshopSeats(em, moves.take);
  const steps = [
    ...moves.release.map((id) => ({ id, take: false })),
    ...moves.take.map((id) => ({ id, take: true })),
  ].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const step of steps) {
    if (!step.take) await releaseWorkshopSeat(em, step.id);
    else if (!(await takeWorkshopSeat(em, step.id))) return step.id;
  }
  return null;
}

/** The event's workshop phases (agenda order) and every workshop's seats, read fresh. */
export async function eventWorkshops(
  em: EntityManager,
  eventId: string,
): Promise<{ phases: PhaseOption[]; workshops: WorkshopSeats[] }> {
  const rows = await sql<{
    id: string;
    phase_id: string;
    phase_title: string;
    number: number;
    capacity: number;
    seats_taken: number;
  }>(
    em,
    `select w.id, w.phase_id, a.title as phase_title, w.number, w.capacity, w.seats_taken
       from workshops w join agenda_items a on a.id = w.phase_id
      where w.event_id = $1
      order by a.starts_at, a.id, w.number`,
    [eventId],
  );
  const phases: PhaseOption[] = [];
  for (const row of rows) {
    let phase = phases.find((p) => p.phaseId === row.phase_id);
    if (!phase) {
      phase = { phaseId: row.phase_id, title: row.phase_title, workshopIds: [] };
      phases.push(phase);
    }
    phase.workshopIds.push(row.id);
  }
  const workshops = rows.map((r) => ({
    id: r.id,
    phaseId: r.phase_id,
    number: r.number,
    capacity: r.capacity,
    seatsTaken: r.seats_taken,
  }));
  return { phases, workshops };
}

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
