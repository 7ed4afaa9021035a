import type { MailJob } from './mail-job.js';
import type { OutgoingMail } from './mail-transport.js';

/** Injection token of the {@link MailComposer} the worker uses. */
export const MAIL_COMPOSER = Symbol('MAIL_COMPOSER');

/** Delivery state of the latest mail to a participant, visible to organizers. */
export type MailOutcome =
  | { status: 'SENT' }
  | { status: 'RETRYING'; detail: string }
  | { status: 'FAILED'; detail: string };

/**
 * Turns a job into a mail from the current database state, and records how its
 * delivery went. Implemented where the data lives (libs/registrations).
 */
export interface MailComposer {
  /**
   * The mail to send, or null when there is nothing to send any more. `jobId`
   * stays the same across retries of one job.
   */
  compose(job: MailJob, meta?: { jobId: string }): Promise<OutgoingMail | null>;
  record(job: MailJob, outcome: MailOutcome, meta?: { jobId: string }): Promise<void>;
}
