/** Why a participant gets a mail. One job = one mail to one registration's participant. */
export type MailJobKind =
  | 'registration.confirmed'
  | 'registration.waitlisted'
  | 'registration.promoted'
  | 'registration.changed'
  | 'registration.cancelled'
  | 'event.cancelled'
  | 'agenda.changed'
  /** A participant asked for a fresh manage link ("Link verloren?"). */
  | 'registration.link';

/**
 * The payload of a mail job. It names what happened, not what to write: the
 * worker renders from the database state when it sends, so a mail is never
 * built from data of a transaction that rolled back. It never carries a secret:
 * the worker derives the manage link from the registration when it sends.
 * Made only by {@link mailJobPayload}.
 */
export interface MailJob {
  kind: MailJobKind;
  registrationId: string;
  /** For 'registration.cancelled': true when an organizer cancelled. */
  byOrganizer?: boolean;
  /**
   * Workshops the participant no longer holds (a cancellation; change mails of
   * jobs queued before `mail_changes` existed):
   * their calendar entries are sent once more, cancelled. Choices of a cancelled
   * registration are deleted, so the job is the only place that remembers them.
   */
  droppedWorkshopIds?: string[];
  /** For 'event.cancelled' and an organizer's 'registration.cancelled': the reason, if given. */
  reason?: string | null;
  /**
   * For 'registration.promoted': the workshops the participant wished for while
   * waiting (promotion replaces the wishes), so the mail can name the phases
   * where they got another one.
   */
  wishedWorkshopIds?: string[];
}
