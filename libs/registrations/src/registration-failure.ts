import type { Msg } from '@fachtag/common';
import type { Workshop } from '@fachtag/events';
import type { Registration } from './registration.entity.js';

/**
 * An expected refusal of a participant's request. The API layer turns each into
 * the matching member of the result union.
 */
export type RegistrationFailure =
  | { kind: 'NOT_OPEN'; opensAt: Date }
  | { kind: 'CLOSED'; closedAt: Date }
  | { kind: 'EVENT_FULL' }
  | { kind: 'WORKSHOP_FULL'; workshopId: string }
  | { kind: 'ALREADY_REGISTERED' }
  | { kind: 'INVALID_SELECTION'; text: Msg }
  | { kind: 'INPUT_INVALID'; field: string[]; text: Msg }
  | { kind: 'NOT_FOUND' };

export type Outcome<T> = { ok: true; value: T } | { ok: false; failure: RegistrationFailure };

/** A failure as the API presents it: workshops loaded (after the rollback, so seats are current). */
export type PresentedFailure =
  | Exclude<RegistrationFailure, { kind: 'WORKSHOP_FULL' }>
  | { kind: 'WORKSHOP_FULL'; workshop: Workshop; alternatives: Workshop[] };

/** What the participant mutations answer: the registration or a presented failure. */
export type RegistrationResult =
  { ok: true; registration: Registration } | { ok: false; failure: PresentedFailure };

/** Thrown inside a unit of work to roll it back and answer with `failure`. */
export class Refusal extends Error {
  constructor(readonly failure: RegistrationFailure) {
    super(failure.kind);
  }
}

export function refuse(failure: RegistrationFailure): never {
  throw new Refusal(failure);
}

/** Runs a unit of work; a {@link Refusal} rolls it back and becomes a failed outcome. */
export async function asOutcome<T>(work: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, failure: error.failure };
    throw error;
  }
}
