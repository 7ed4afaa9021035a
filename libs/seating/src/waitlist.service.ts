import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { sql } from '@fachtag/database';
import { MailQueue } from '@fachtag/mail';
import type { JobStatement } from './seat-changes.js';

/** Fills the template's registration id; any id does, the database sets each promotion's. */
const SOME_ID = '00000000-0000-0000-0000-000000000000';

/** The waiting list: promotion, first come first served, when seats free up. */
@Injectable()
export class WaitlistService {
  constructor(private readonly mail: MailQueue) {}

  /**
   * Promotes waiting participants, longest waiting first, while the event has
   * seats and every workshop phase a seat, in one database call
   * (`seating_promote`, migration 0010: the choice of workshops is
   * `seating_promotion_choice`, the SQL twin of `choosePromotionWorkshops`).
   * Runs in `em`'s transaction (call it inside `em.transactional`, e.g. after
   * raising a capacity) so a seat freed and the promotion it allows commit
   * together. Returns the promoted ids.
   */
  async promoteWaitlisted(em: EntityManager, eventId: string): Promise<string[]> {
    const job = await this.promotionJob();
    const rows = await sql<{ id: string }>(
      em,
      'select id::text as id from seating_promote($1, $2, $3) as id',
      [eventId, job.text, job.param],
    );
    return rows.map((r) => r.id);
  }

  /** The `registration.promoted` job insert the database completes per promotion. */
  promotionJob(): Promise<JobStatement> {
    return this.mail.jobTemplate({
      kind: 'registration.promoted',
      registrationId: SOME_ID,
      wishedWorkshopIds: [],
    });
  }
}
