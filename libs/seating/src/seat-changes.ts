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
    `select outcome, workshop_id from seating_change(${CHANGE_PARAMS})`,
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
    `select outcome, promoted::text[] as promoted
       from seating_cancel($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      c.registrationId,
      c.eventId,
      c.byOrganizer,
      ...windowParams(c.window),
      c.cancelJob.text,
      c.cancelJob.param,
      c.promotionJob.text,
      c.promotionJob.param,
    ],
  );
  if (row.outcome === 'DONE') return { kind: 'DONE', promoted: row.promoted ?? [] };
  return { kind: row.outcome };
}
