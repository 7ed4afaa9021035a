import {
  registrationWindow,
  windowChangesAt,
  type RegistrationWindowInput,
} from '@fachtag/events/domain';
import type { WorkshopSeats } from './promotion.js';
import { seatsLeft } from './seats.js';

/** What decides whether a newcomer gets a seat, read in one snapshot. */
export interface AdmissionInput {
  event: RegistrationWindowInput & {
    capacity: number | null;
    seatsTaken: number;
    waitlistEnabled: boolean;
  };
  /** Registrations on the event's waiting list. */
  waiting: number;
  /** The address already holds an active (confirmed or waiting) registration of the event. */
  alreadyRegistered: boolean;
  /** The seats of the workshops the newcomer chose (a valid selection). */
  workshops: readonly WorkshopSeats[];
  now: Date;
}

export type AdmissionRefusal =
  | { kind: 'NOT_PUBLISHED' }
  | { kind: 'CLOSED'; closedAt: Date }
  | { kind: 'NOT_OPEN'; opensAt: Date }
  | { kind: 'ALREADY_REGISTERED' }
  | { kind: 'EVENT_FULL' }
  | { kind: 'WORKSHOP_FULL'; workshopId: string };

/**
 * Bounds on the counters a decision was made on, inclusive; null: no bound.
 * Within them (and with the event's settings unchanged, before `validUntil`)
 * the rule gives the same decision, so a database call can apply the decision
 * under the event's lock by comparing numbers, without knowing the rule.
 */
export interface AdmissionPremise {
  /** Ms since the epoch before which the decision holds (the next opening or cutoff). */
  validUntil: number;
  eventSeatsTaken: { min: number; max: number | null };
  waiting: { min: number; max: number | null };
  /** Per chosen workshop: seats taken at most (a seat is left). */
  workshopSeatsTaken: { id: string; max: number }[];
}

export type Admission =
  | { kind: 'CONFIRMED'; premise: AdmissionPremise }
  | { kind: 'WAITLISTED'; premise: AdmissionPremise }
  | { kind: 'REFUSED'; refusal: AdmissionRefusal };

/**
 * The admission rule, whole: may a newcomer register now, and with a seat?
 *
 * 1. Only inside the registration window of a published event.
 * 2. One active registration per address and event.
 * 3. Nobody skips the waiting list: while anybody waits, a newcomer waits too,
 *    even if a seat is free; otherwise the newcomer needs a free event seat.
 * 4. Without a seat: the waiting list when the event has one enabled, else full.
 * 5. With a seat: every chosen workshop needs a seat too (the first full one by id refuses).
 *
 * Pure: the numbers come from one snapshot; the premise says for which numbers
 * the decision stays the same (see {@link AdmissionPremise}).
 */
export function admission(input: AdmissionInput): Admission {
  const { event, now } = input;
  const window = registrationWindow(event, now);
  if (window.state === 'NOT_PUBLISHED') return refused({ kind: 'NOT_PUBLISHED' });
  if (window.state === 'CLOSED') return refused({ kind: 'CLOSED', closedAt: window.closedAt });
  if (window.state === 'NOT_OPEN') return refused({ kind: 'NOT_OPEN', opensAt: window.opensAt });
  if (input.alreadyRegistered) return refused({ kind: 'ALREADY_REGISTERED' });
  const validUntil = windowChangesAt(event, now.getTime());
  const eventSeat = (seatsLeft(event.seatsTaken, event.capacity) ?? 1) > 0;
  if (input.waiting > 0 || !eventSeat) {
    if (!event.waitlistEnabled) return refused({ kind: 'EVENT_FULL' });
    // the reason it has no seat must still hold: somebody waits, or the event is full
    const premise: AdmissionPremise =
      input.waiting > 0
        ? { ...unbounded(validUntil), waiting: { min: 1, max: null } }
        : { ...unbounded(validUntil), eventSeatsTaken: { min: event.capacity!, max: null } };
    return { kind: 'WAITLISTED', premise };
  }
  const byId = [...input.workshops].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const full = byId.find((w) => (seatsLeft(w.seatsTaken, w.capacity) ?? 0) === 0);
  if (full) return refused({ kind: 'WORKSHOP_FULL', workshopId: full.id });
  return {
    kind: 'CONFIRMED',
    premise: {
      validUntil,
      eventSeatsTaken: { min: 0, max: event.capacity === null ? null : event.capacity - 1 },
      waiting: { min: 0, max: 0 },
      workshopSeatsTaken: byId.map((w) => ({ id: w.id, max: w.capacity - 1 })),
    },
  };
}

/** True when `state` lies within `premise` (what the database call checks under the lock). */
export function premiseHolds(
  premise: AdmissionPremise,
  state: {
    now: number;
    eventSeatsTaken: number;
    waiting: number;
    workshops: readonly WorkshopSeats[];
  },
): boolean {
  const within = (n: number, b: { min: number; max: number | null }) =>
    n >= b.min && (b.max === null || n <= b.max);
  return (
    state.now < premise.validUntil &&
    within(state.eventSeatsTaken, premise.eventSeatsTaken) &&
    within(state.waiting, premise.waiting) &&
    premise.workshopSeatsTaken.every((b) => {
      const w = state.workshops.find((x) => x.id === b.id);
      return w !== undefined && w.seatsTaken <= b.max;
    })
  );
}

function unbounded(validUntil: number): AdmissionPremise {
  return {
    validUntil,
    eventSeatsTaken: { min: 0, max: null },
    waiting: { min: 0, max: null },
    workshopSeatsTaken: [],
  };
}

function refused(refusal: AdmissionRefusal): Admission {
  return { kind: 'REFUSED', refusal };
}
