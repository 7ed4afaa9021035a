import type { EntityManager } from '@mikro-orm/core';
import { sql } from '@fachtag/database';
import type { RegistrationWindowInput } from '@fachtag/events';
import type { Choice, SeatStatus } from './seat-holdings.js';

/**
 * Changes and cancellations of existing registrations, each one database call
 * (`seating_change`, `seating_cancel`, migration 0010). The caller decided on a
 * snapshot (window, selection, seat moves, the mail's texts) and passes the
 * decision with what it saw; the function locks the event row, then the
 * registration, checks that what was seen still holds, and applies. RETRY
 * when it does not: nothing was written, read again and decide again.
 */

/** The window a participant's change was allowed under, and until when that holds. */
export interface SeenWindow {
  event: RegistrationWindowInput;
  /** When the event row was last updated (a cancelled event's cancellation instant). */
  updatedAt: Date;
  /** Ms since the epoch (database clock) until which the window stays as decided. */
  validUntil: number;
}

/** A pg-boss job insert (MailQueue.jobStatement / jobTemplate). */
export interface JobStatement {
  text: string;
  param: string;
}

/**
 * An entry of the registration's history (`registration_history`, owned by
 * libs/registrations), written by the same statement as the change it tells and
 * only when that change is DONE: like `mail_changes`, it commits with the change
 * or not at all, and the event lock stays inside the one call.
 */
export interface HistoryRow {
  kind: string;
  actor: 'PARTICIPANT' | 'ORGANIZER' | 'SYSTEM';
  organizerId: string | null;
  reason: string | null;
  details: Record<string, unknown>;
}

/**
 * Wraps a seating call `call` (a select returning `outcome` and `columns`) so that
 * `registration_history` gets the rows in parameter `$historyParam` (JSON) for
 * registration `$1` when the outcome is DONE, plus one PROMOTED entry (actor
 * SYSTEM) per id in the call's `promoted` column when it has one. The history's
 * `from` of a cancellation is read here, from the statement's snapshot, which
 * (as every part of one statement) sees the choices as they were before the call.
 */
function withHistory(
  call: string,
  columns: string,
  historyParam: number,
  promoted: boolean,
): string {
  return `with r as (${call}),
    e as (select x.kind, x.actor, x.organizer_id, x.reason, x.details
            from r cross join jsonb_to_recordset($${historyParam}::jsonb)
                 as x (kind text, actor text, organizer_id uuid, reason text, details jsonb)
           where r.outcome = 'DONE'),
    h as (insert into registration_history (registration_id, kind, actor, organizer_id,
                                            organizer_name, reason, details)
          select $1, e.kind, e.actor, e.organizer_id,
                 (select o.name from organizers o where o.id = e.organizer_id), e.reason,
                 case when e.kind = 'CANCELLED' then e.details || jsonb_build_object('from',
                   coalesce((select jsonb_agg(jsonb_build_object('id', w.id, 'number', w.number,
                                'title', w.title) order by a.starts_at, w.number)
                               from registration_workshops rw join workshops w on w.id = rw.workshop_id
                               join agenda_items a on a.id = rw.phase_id
                              where rw.registration_id = $1), '[]'::jsonb))
                 else e.details end
            from e
          ${
            promoted
              ? `union all
          select p, 'PROMOTED', 'SYSTEM', null, null, null, '{}'::jsonb
            from r cross join unnest(r.promoted) as p where r.outcome = 'DONE'`
              : ''
          })
    select ${columns} from r`;
}

/** The rows as `jsonb_to_recordset` reads them. */
function historyJson(rows: HistoryRow[] | undefined): string {
  return JSON.stringify(
    (rows ?? []).map((r) => ({
      kind: r.kind,
      actor: r.actor,
      organizer_id: r.organizerId,
      reason: r.reason,
      details: r.details,
    })),
  );
}

export interface ChangeCommand {
  registrationId: string;
  eventId: string;
  window: SeenWindow;
  /** The registration as the decision saw it. */
  seen: { status: SeatStatus; workshopIds: readonly string[] };
  participant: {
    firstName: string;
    lastName: string;
    email: string;
    emailNormalized: string;
    organization: string | null;
    jobTitle: string | null;
    accessibilityNeeds: string | null;
    dietaryNeeds: string | null;
  } | null;
  /** New choices with the seat moves (applied when confirmed); null: workshops unchanged. */
  workshops: { choices: readonly Choice[]; release: string[]; take: string[] } | null;
  /** What the change mail tells, when the participant data differed / for the workshops. */
  detailsChange: unknown;
  workshopsChange: unknown;
  mailJob: JobStatement;
  /** What the registration's history tells when the change is DONE. */
  history?: HistoryRow[];
}

export type ChangeOutcome =
  | { kind: 'DONE' }
  | { kind: 'RETRY' }
  | { kind: 'EMAIL_IN_USE' }
  | { kind: 'WORKSHOP_FULL'; workshopId: string };

const ms = (d: Date | null) => (d === null ? null : d.getTime());

function windowParams(w: SeenWindow | null): unknown[] {
  if (!w) return [null, null, null, null, null];
  return [
    w.event.status,
    ms(w.event.registrationOpensAt),
    ms(w.event.registrationClosesAt),
    w.updatedAt.getTime(),
    Number.isFinite(w.validUntil) ? w.validUntil : null,
  ];
}

const CHANGE_PARAMS = Array.from({ length: 25 }, (_, i) => `$${i + 1}`).join(', ');

/** New participant data and/or workshops in one call (`seating_change`). */
export async function changeRegistration(
  em: EntityManager,
  c: ChangeCommand,
): Promise<ChangeOutcome> {
  const p = c.participant;
  const w = c.workshops;
  const [row] = await sql<{ outcome: ChangeOutcome['kind']; workshop_id: string | null }>(
    em,
    withHistory(
      `select outcome, workshop_id from seating_change(${CHANGE_PARAMS})`,
      'outcome, workshop_id',
      26,
      false,
    ),
    [
      c.registrationId,
      c.eventId,
      ...windowParams(c.window),
      c.seen.status,
      [...c.seen.workshopIds].sort(),
      p?.firstName ?? null,
      p?.lastName ?? null,
      p?.email ?? null,
      p?.emailNormalized ?? null,
      p?.organization ?? null,
      p?.jobTitle ?? null,
      p?.accessibilityNeeds ?? null,
      p?.dietaryNeeds ?? null,
      w ? w.choices.map((x) => x.phaseId) : null,
      w ? w.choices.map((x) => x.workshopId) : null,
      w?.release ?? null,
      w?.take ?? null,
      JSON.stringify(c.detailsChange),
      JSON.stringify(c.workshopsChange),
      c.mailJob.text,
      c.mailJob.param,
      historyJson(c.history),
    ],
  );
  if (row.outcome === 'WORKSHOP_FULL')
    return { kind: 'WORKSHOP_FULL', workshopId: row.workshop_id! };
  return { kind: row.outcome } as ChangeOutcome;
}

export interface CancelCommand {
  registrationId: string;
  eventId: string;
  byOrganizer: boolean;
  /** The participant's window as decided; null for an organizer (no window). */
  window: SeenWindow | null;
  /** `registration.cancelled` with this registration; the function fills in the dropped workshops. */
  cancelJob: JobStatement;
  /** `registration.promoted` template (WaitlistService.promotionJob). */
  promotionJob: JobStatement;
  /** What the registration's history tells when the call is DONE (promotions are added). */
  history?: HistoryRow[];
}

export type CancelOutcome =
  { kind: 'DONE'; promoted: string[] } | { kind: 'RETRY' } | { kind: 'NOT_FOUND' };

/**
 * Cancels a registration (a no-op when it already is), frees its seats and
 * promotes whom they let in, in one call (`seating_cancel`).
 */
export async function cancelRegistration(
  em: EntityManager,
  c: CancelCommand,
): Promise<CancelOutcome> {
  const [row] = await sql<{ outcome: CancelOutcome['kind']; promoted: string[] | null }>(
    em,
    withHistory(
      `select outcome, promoted
         from seating_cancel($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      'outcome, promoted::text[] as promoted',
      13,
      true,
    ),
    [
      c.registrationId,
      c.eventId,
      c.byOrganizer,
      ...windowParams(c.window),
      c.cancelJob.text,
      c.cancelJob.param,
      c.promotionJob.text,
      c.promotionJob.param,
      historyJson(c.history),
    ],
  );
  if (row.outcome === 'DONE') return { kind: 'DONE', promoted: row.promoted ?? [] };
  return { kind: row.outcome };
}

export interface ManualPromotionCommand {
  registrationId: string;
  eventId: string;
  /** What the decision saw: the registration's wishes and all workshops of the event. */
  seen: { wishedWorkshopIds: readonly string[]; eventWorkshopIds: readonly string[] };
  /** The seats to take, one workshop per phase (a valid selection). */
  choices: readonly Choice[];
  /** Raise a full event's or chosen workshop's capacity to the seat this registration takes. */
  addSeats: boolean;
  /** The highest capacity an organizer may set (libs/events MAX_CAPACITY). */
  maxCapacity: number;
  /** `registration.promoted` for this registration, with its wishes. */
  promotedJob: JobStatement;
  /** `registration.promoted` template for whom the waiting list promotes afterwards. */
  promotionJob: JobStatement;
  history?: HistoryRow[];
}

export type ManualPromotionOutcome =
  | { kind: 'DONE'; promoted: string[] }
  | { kind: 'RETRY' }
  | { kind: 'NOT_FOUND' }
  | { kind: 'EVENT_NOT_PUBLISHED' }
  | { kind: 'CONFIRMED' }
  | { kind: 'CANCELLED' }
  | { kind: 'EVENT_FULL' }
  | { kind: 'WORKSHOP_FULL'; workshopId: string };

/**
 * An organizer's manual promotion: confirms one waiting registration into the
 * chosen workshops, out of the waiting list's order, in one call
 * (`seating_admit`, migration 0012) under the event lock; never beyond a
 * capacity, which `addSeats` raises by exactly this seat when full. The
 * waiting list is then promoted in its order as after any change.
 */
export async function admitWaiting(
  em: EntityManager,
  c: ManualPromotionCommand,
): Promise<ManualPromotionOutcome> {
  const sorted = (ids: readonly string[]) => [...ids].sort();
  const [row] = await sql<{
    outcome: ManualPromotionOutcome['kind'];
    workshop_id: string | null;
    promoted: string[] | null;
  }>(
    em,
    withHistory(
      `select outcome, workshop_id, promoted
         from seating_admit($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      'outcome, workshop_id, promoted::text[] as promoted',
      13,
      true,
    ),
    [
      c.registrationId,
      c.eventId,
      sorted(c.seen.wishedWorkshopIds),
      sorted(c.seen.eventWorkshopIds),
      c.choices.map((x) => x.phaseId),
      c.choices.map((x) => x.workshopId),
      c.addSeats,
      c.maxCapacity,
      c.promotedJob.text,
      c.promotedJob.param,
      c.promotionJob.text,
      c.promotionJob.param,
      historyJson(c.history),
    ],
  );
  if (row.outcome === 'DONE') return { kind: 'DONE', promoted: row.promoted ?? [] };
  if (row.outcome === 'WORKSHOP_FULL')
    return { kind: 'WORKSHOP_FULL', workshopId: row.workshop_id! };
  return { kind: row.outcome } as ManualPromotionOutcome;
}
