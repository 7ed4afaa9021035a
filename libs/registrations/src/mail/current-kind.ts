import type { MailJobKind } from '@fachtag/mail';
import { EventStatus } from '@fachtag/events';
import { RegistrationStatus } from '../registration.entity.js';

/**
 * What a queued mail should say given the registration's state when it is sent:
 * jobs can be delivered late (retries) or out of order, and a mail must never
 * contradict what happened since. Null: a later mail covers it, send nothing.
 * A late "waitlisted" of a meanwhile confirmed registration becomes a
 * confirmation, because it is the mail that carries the manage token.
 * Once the event is cancelled, only cancellations go out: a confirmation, a
 * change or a new link still queued would say the opposite of the "Abgesagt"
 * mail every participant gets (issue 11 item 4).
 */
export function currentMailKind(
  kind: MailJobKind,
  status: RegistrationStatus,
  eventStatus: EventStatus = EventStatus.PUBLISHED,
): MailJobKind | null {
  const { CONFIRMED, WAITLISTED, CANCELLED } = RegistrationStatus;
  if (eventStatus === EventStatus.CANCELLED) {
    return kind === 'event.cancelled' || kind === 'registration.cancelled' ? kind : null;
  }
  switch (kind) {
    case 'registration.waitlisted':
      if (status === WAITLISTED) return kind;
      return status === CONFIRMED ? 'registration.confirmed' : null;
    case 'registration.confirmed':
    case 'registration.promoted':
    case 'agenda.changed':
      return status === CONFIRMED ? kind : null;
    case 'registration.changed':
    case 'registration.link':
      return status === CANCELLED ? null : kind;
    case 'registration.cancelled':
      return status === CANCELLED ? kind : null;
    case 'event.cancelled':
      return kind;
  }
}
