import type { EntityManager } from '@mikro-orm/core';
import { sql } from '@fachtag/database';
import type { HistoryRow } from '@fachtag/seating';

/**
 * A registration's history (`registration_history`, migration 0011): an
 * append-only log written in the transaction of each change, so it never tells
 * a change that rolled back nor misses one that committed.
 */

export type HistoryKind =
  | 'REGISTERED'
  | 'WAITLISTED'
  | 'WORKSHOPS_CHANGED'
  | 'MOVED'
  | 'PROMOTED'
  | 'CANCELLED'
  | 'MAIL_RESENT'
  | 'MAIL_SENT'
  | 'MAIL_FAILED';

/** Who made a change: the participant (manage link), an organizer, or the system (promotion, mail). */
export type HistoryActor =
  { kind: 'PARTICIPANT' } | { kind: 'ORGANIZER'; organizerId: string } | { kind: 'SYSTEM' };

export const PARTICIPANT: HistoryActor = { kind: 'PARTICIPANT' };
export const SYSTEM: HistoryActor = { kind: 'SYSTEM' };

/** A workshop as it was named when the entry was written. */
export interface HistoryWorkshop {
  id: string;
  number: number;
  title: string;
}

export interface HistoryDetails {
  from?: HistoryWorkshop[];
  to?: HistoryWorkshop[];
  /** MAIL_*: the mail's kind (e.g. registration.confirmed). */
  mail?: string;
  /** MAIL_FAILED: why the mail server refused it. */
  failure?: string;
}

export interface HistoryEntry {
  id: string;
  at: Date;
  kind: HistoryKind;
  actor: HistoryActor['kind'];
  organizerName: string | null;
  reason: string | null;
  details: HistoryDetails;
}

/**
 * One entry for a seating call (`changeRegistration`, `cancelRegistration`),
 * which writes it in its own statement when the change is DONE.
 */
export function historyRow(
  kind: HistoryKind,
  actor: HistoryActor,
  extra: { reason?: string | null; details?: HistoryDetails } = {},
): HistoryRow {
  return {
    kind,
    actor: actor.kind,
    organizerId: actor.kind === 'ORGANIZER' ? actor.organizerId : null,
    reason: extra.reason ?? null,
    details: { ...(extra.details ?? {}) },
  };
}

/** Appends one entry for each registration, in `em`'s transaction. */
export async function recordHistory(
  em: EntityManager,
  registrationIds: readonly string[],
  kind: HistoryKind,
  actor: HistoryActor,
  extra: { reason?: string | null; details?: HistoryDetails } = {},
): Promise<void> {
  if (registrationIds.length === 0) return;
  const organizerId = actor.kind === 'ORGANIZER' ? actor.organizerId : null;
  await sql(
    em,
    `insert into registration_history (registration_id, kind, actor, organizer_id, organizer_name,
                                       reason, details)
     select unnest($1::uuid[]), $2, $3, $4::uuid,
            (select o.name from organizers o where o.id = $4::uuid), $5, $6::jsonb`,
    [
      registrationIds,
      kind,
      actor.kind,
      organizerId,
      extra.reason ?? null,
      JSON.stringify(extra.details ?? {}),
    ],
  );
}

/**
 * Names who registers in this transaction, for the deferred trigger that writes a
 * registration's first entry (the participant when never set).
 */
export async function setRegisteringActor(em: EntityManager, actor: HistoryActor): Promise<void> {
  const value = JSON.stringify({
    actor: actor.kind,
    organizerId: actor.kind === 'ORGANIZER' ? actor.organizerId : null,
  });
  await sql(em, `select set_config('fachtag.history_actor', $1, true)`, [value]);
}

/** Workshops by id with their current number and title, in programme order. */
export async function historyWorkshops(
  em: EntityManager,
  ids: readonly string[],
): Promise<HistoryWorkshop[]> {
  if (ids.length === 0) return [];
  return sql<HistoryWorkshop>(
    em,
    `select w.id, w.number, w.title from workshops w join agenda_items a on a.id = w.phase_id
      where w.id = any($1::uuid[]) order by a.starts_at, w.number`,
    [ids],
  );
}

/** A registration's entries, oldest first. */
export async function readHistory(
  em: EntityManager,
  registrationId: string,
): Promise<HistoryEntry[]> {
  const rows = await sql<{
    id: string;
    at: Date;
    kind: HistoryKind;
    actor: HistoryActor['kind'];
    organizer_name: string | null;
    reason: string | null;
    details: HistoryDetails;
  }>(
    em,
    `select id::text, at, kind, actor, organizer_name, reason, details
       from registration_history where registration_id = $1 order by id`,
    [registrationId],
  );
  return rows.map((r) => ({
    id: r.id,
    at: new Date(r.at),
    kind: r.kind,
    actor: r.actor,
    organizerName: r.organizer_name,
    reason: r.reason,
    details: r.details,
  }));
}
