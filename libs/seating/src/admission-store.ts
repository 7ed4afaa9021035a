import type { EntityManager } from '@mikro-orm/core';
import { sql } from '@fachtag/database';
import type { AdmissionInput, AdmissionPremise } from './domain/admission.js';
import type { PhaseOption, WorkshopSeats } from './domain/promotion.js';

/** What admission needs, read in one statement without any lock. */
export interface AdmissionSnapshot {
  input: Omit<AdmissionInput, 'workshops'>;
  /** When the event was last updated (a cancelled event closed then). */
  phases: PhaseOption[];
  workshops: WorkshopSeats[];
  /** The record already stored under the request's idempotency key, if any. */
  idempotent: IdempotentRecord | null;
}

/** A stored idempotency record: the first request's fingerprint and result. */
export interface IdempotentRecord {
  registrationId: string | null;
  requestHash: string;
  result: unknown;
}

interface SnapshotRow {
  status: 'DRAFT' | 'PUBLISHED' | 'CANCELLED';
  capacity: number | null;
  seats_taken: number;
  waitlist_enabled: boolean;
  opens_ms: string | null;
  closes_ms: string;
  updated_ms: string;
  now_ms: string;
  waiting: boolean;
  already: boolean;
  idem: IdempotentRecord | null;
  workshops: {
    id: string;
    phaseId: string;
    phaseTitle: string;
    number: number;
    capacity: number;
    seatsTaken: number;
  }[];
}

/**
 * The event, its waiting list, the address's registration and every workshop's
 * seats, in one snapshot and one round trip; no lock. `now` is the database's
 * clock, the same clock that checks the premise later.
 */
export async function readAdmissionSnapshot(
  em: EntityManager,
  eventId: string,
  emailNormalized: string,
  idempotencyKeyHash: string | null,
): Promise<AdmissionSnapshot | null> {
  const [row] = await sql<SnapshotRow>(
    em,
    `select e.status, e.capacity, e.seats_taken, e.waitlist_enabled,
            (extract(epoch from e.registration_opens_at) * 1000)::bigint as opens_ms,
            (extract(epoch from e.registration_closes_at) * 1000)::bigint as closes_ms,
            (extract(epoch from e.updated_at) * 1000)::bigint as updated_ms,
            (extract(epoch from clock_timestamp()) * 1000)::bigint as now_ms,
            exists (select 1 from registrations r
                     where r.event_id = e.id and r.status = 'WAITLISTED') as waiting,
            exists (select 1 from registrations r
                     where r.event_id = e.id and r.email_normalized = $2
                       and r.status <> 'CANCELLED') as already,
            (select json_build_object('registrationId', i.registration_id,
                    'requestHash', i.request_hash, 'result', i.result)
               from idempotency_records i where i.key_hash = $3) as idem,
            coalesce((select json_agg(json_build_object('id', w.id, 'phaseId', w.phase_id,
                        'phaseTitle', a.title, 'number', w.number, 'capacity', w.capacity,
                        'seatsTaken', w.seats_taken) order by a.starts_at, a.id, w.number)
                        from workshops w join agenda_items a on a.id = w.phase_id
                       where w.event_id = e.id), '[]'::json) as workshops
       from events e where e.id = $1`,
    [eventId, emailNormalized, idempotencyKeyHash],
  );
  if (!row) return null;
  const phases: PhaseOption[] = [];
  for (const w of row.workshops) {
    let phase = phases.find((p) => p.phaseId === w.phaseId);
    if (!phase) {
      phase = { phaseId: w.phaseId, title: w.phaseTitle, workshopIds: [] };
      phases.push(phase);
    }
    phase.workshopIds.push(w.id);
  }
  const updatedAt = new Date(Number(row.updated_ms));
  return {
    input: {
      event: {
        status: row.status,
        capacity: row.capacity,
        seatsTaken: row.seats_taken,
        waitlistEnabled: row.waitlist_enabled,
        registrationOpensAt: row.opens_ms === null ? null : new Date(Number(row.opens_ms)),
        registrationClosesAt: new Date(Number(row.closes_ms)),
        // a cancelled event closed when it was cancelled (its last update)
        cancelledAt: row.status === 'CANCELLED' ? updatedAt : null,
      },
      waiting: row.waiting ? 1 : 0,
      alreadyRegistered: row.already,
      now: new Date(Number(row.now_ms)),
    },
    phases,
    idempotent: row.idem,
    workshops: row.workshops.map((w) => ({
      id: w.id,
      phaseId: w.phaseId,
      number: w.number,
      capacity: w.capacity,
      seatsTaken: w.seatsTaken,
    })),
  };
}

/** A registration to write, with the decision and the premise it was made on. */
export interface AdmitCommand {
  id: string;
  eventId: string;
  status: 'CONFIRMED' | 'WAITLISTED';
  participant: {
    firstName: string;
    lastName: string;
    email: string;
    emailNormalized: string;
    organization: string | null;
    jobTitle: string | null;
    accessibilityNeeds: string | null;
    dietaryNeeds: string | null;
  };
  manageTokenHash: string;
  calendarToken: string;
  choices: readonly { phaseId: string; workshopId: string }[];
  /** pg-boss's insert of the mail job (MailQueue.jobStatement). */
  mailJob: { text: string; param: string };
  idempotency: {
    keyHash: string;
    requestHash: string;
    result: unknown;
    retentionHours: number;
  } | null;
  /** The event as the decision saw it, and the premise. */
  seen: AdmissionSnapshot['input']['event'];
  premise: AdmissionPremise;
}

export type AdmitOutcome =
  | { kind: 'DONE'; registrationId: string }
  | { kind: 'RETRY' }
  | { kind: 'ALREADY_REGISTERED' }
  | ({ kind: 'IDEMPOTENT' } & IdempotentRecord);

const PARAMS = Array.from({ length: 33 }, (_, i) => `$${i + 1}`).join(', ');

/**
 * Writes a registration with its seats, choices, mail job and idempotency
 * record in one database call (`seating_register`, migration 0006): the event
 * row is locked only for the call's last statements. RETRY when the premise no
 * longer holds; then nothing was written.
 */
export async function admit(em: EntityManager, c: AdmitCommand): Promise<AdmitOutcome> {
  const p = c.participant;
  const ms = (d: Date | null) => (d === null ? null : d.getTime());
  const [row] = await sql<{
    outcome: 'DONE' | 'RETRY' | 'ALREADY_REGISTERED' | 'IDEMPOTENT';
    registration_id: string | null;
    request_hash: string | null;
    result: unknown;
  }>(em, `select outcome, registration_id, request_hash, result from seating_register(${PARAMS})`, [
    c.id,
    c.eventId,
    c.status,
    p.firstName,
    p.lastName,
    p.email,
    p.emailNormalized,
    p.organization,
    p.jobTitle,
    p.accessibilityNeeds,
    p.dietaryNeeds,
    c.manageTokenHash,
    c.calendarToken,
    c.choices.map((x) => x.phaseId),
    c.choices.map((x) => x.workshopId),
    c.mailJob.text,
    c.mailJob.param,
    c.idempotency?.keyHash ?? null,
    c.idempotency?.requestHash ?? null,
    c.idempotency ? JSON.stringify(c.idempotency.result) : null,
    c.idempotency?.retentionHours ?? null,
    c.seen.status,
    c.seen.capacity,
    c.seen.waitlistEnabled,
    ms(c.seen.registrationOpensAt),
    ms(c.seen.registrationClosesAt),
    Number.isFinite(c.premise.validUntil) ? c.premise.validUntil : null,
    c.premise.eventSeatsTaken.min,
    c.premise.eventSeatsTaken.max,
    c.premise.waiting.min,
    c.premise.waiting.max,
    c.premise.workshopSeatsTaken.map((w) => w.id),
    c.premise.workshopSeatsTaken.map((w) => w.max),
  ]);
  switch (row.outcome) {
    case 'DONE':
      return { kind: 'DONE', registrationId: row.registration_id! };
    case 'IDEMPOTENT':
      return {
        kind: 'IDEMPOTENT',
        registrationId: row.registration_id,
        requestHash: row.request_hash!,
        result: row.result,
      };
    default:
      return { kind: row.outcome };
  }
}
