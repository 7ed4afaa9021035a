import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { sql } from '@fachtag/database';
import { MailQueue } from '@fachtag/mail';
import { choosePromotionWorkshops } from './domain/index.js';
import { readChoices, replaceChoices, setStatus } from './seat-holdings.js';
import { eventWorkshops, lockEvent, moveWorkshopSeats, takeEventSeat } from './seat-store.js';

/** The waiting list: promotion, first come first served, when seats free up. */
@Injectable()
export class WaitlistService {
  constructor(private readonly mail: MailQueue) {}

  /**
   * Promotes waiting participants, longest waiting first, while the event has
   * seats and every workshop phase a seat. Runs in `em`'s transaction (call it
   * inside `em.transactional`, e.g. after raising a capacity) so a seat freed
   * and the promotion it allows commit together. Returns the promoted ids.
   */
  async promoteWaitlisted(em: EntityManager, eventId: string): Promise<string[]> {
    const event = await lockEvent(em, eventId);
    if (!event || event.status === 'CANCELLED') return [];
    const promoted: string[] = [];
    for (;;) {
      const next = await this.promoteOne(em, eventId);
      if (next === null) return promoted;
      promoted.push(next);
    }
  }

  private async promoteOne(em: EntityManager, eventId: string): Promise<string | null> {
    const [first] = await sql<{ id: string }>(
      em,
      `select id from registrations where event_id = $1 and status = 'WAITLISTED'
        order by waitlist_position limit 1 for update`,
      [eventId],
    );
    if (!first) return null;
    const wishes = new Map((await readChoices(em, first.id)).map((c) => [c.phaseId, c.workshopId]));
    const { phases, workshops } = await eventWorkshops(em, eventId);
    const choices = choosePromotionWorkshops(
      phases.map((p) => p.phaseId),
      workshops,
      wishes,
    );
    if (choices === null) return null;
    if (!(await takeEventSeat(em, eventId))) return null;
    const full = await moveWorkshopSeats(em, {
      release: [],
      take: choices.map((c) => c.workshopId),
    });
    // seats were read under the event lock, so this cannot happen short of a bug
    if (full !== null) throw new Error(`promotion found workshop ${full} full after choosing it`);
    await replaceChoices(em, first.id, choices);
    await setStatus(em, first.id, 'CONFIRMED');
    // the wishes are replaced now: the job keeps them, so the mail can name what differs
    await this.mail.enqueue(em, {
      kind: 'registration.promoted',
      registrationId: first.id,
      wishedWorkshopIds: [...wishes.values()],
    });
    return first.id;
  }
}
