import { EventStatus } from '../event-status.js';

/** What decides whether participants may register or change at an instant. */
export interface RegistrationWindowInput {
  status: EventStatus | 'DRAFT' | 'PUBLISHED' | 'CANCELLED';
  registrationOpensAt: Date | null;
  registrationClosesAt: Date;
  /** When the event was cancelled (its last update); used as the closing instant then. */
  cancelledAt?: Date | null;
}

export type RegistrationWindow =
  | { state: 'OPEN' }
  | { state: 'NOT_OPEN'; opensAt: Date }
  | { state: 'CLOSED'; closedAt: Date }
  | { state: 'NOT_PUBLISHED' };

/**
 * The registration window at instant `now`, by the server's clock. The cutoff
 * instant itself still counts ("no registration after this instant").
 */
export function registrationWindow(event: RegistrationWindowInput, now: Date): RegistrationWindow {
  if (event.status === 'DRAFT') return { state: 'NOT_PUBLISHED' };
  if (event.status === 'CANCELLED') {
    const closedAt = event.cancelledAt ?? event.registrationClosesAt;
    return { state: 'CLOSED', closedAt: earlier(closedAt, event.registrationClosesAt) };
  }
  if (now.getTime() > event.registrationClosesAt.getTime()) {
    return { state: 'CLOSED', closedAt: event.registrationClosesAt };
  }
  if (event.registrationOpensAt && now.getTime() < event.registrationOpensAt.getTime()) {
    return { state: 'NOT_OPEN', opensAt: event.registrationOpensAt };
  }
  return { state: 'OPEN' };
}

/** True while a participant may change or cancel: published and not past the cutoff. */
export function participantMayChange(event: RegistrationWindowInput, now: Date): boolean {
  const window = registrationWindow(event, now);
  // before opening nobody holds a registration; treat like open for changes
  return window.state === 'OPEN' || window.state === 'NOT_OPEN';
}

function earlier(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

/**
 * True while a published event accepts registrations: from `registrationOpensAt`
 * (or at once) up to and including the cutoff instant.
 */
export function isRegistrationOpen(
  event: { status: EventStatus; registrationOpensAt: Date | null; registrationClosesAt: Date },
  now: Date,
): boolean {
  return registrationWindow(event, now).state === 'OPEN';
}

/**
 * The next instant at which the clock alone changes the window of `event`, as
 * seen at `now` (ms since the epoch): the opening, or the first millisecond
 * after the cutoff; Infinity when only a change of the event can change it.
 */
export function windowChangesAt(event: RegistrationWindowInput, now: number): number {
  const state = registrationWindow(event, new Date(now)).state;
  if (state === 'NOT_OPEN') return event.registrationOpensAt!.getTime();
  // the cutoff instant itself still counts as open
  if (state === 'OPEN') return event.registrationClosesAt.getTime() + 1;
  return Infinity;
}
