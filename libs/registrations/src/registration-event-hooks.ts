import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { sql } from '@fachtag/database';
import type { CalendarChange, EventChangeListener } from '@fachtag/events';
import { MailQueue } from '@fachtag/mail';
import { recordMailChanges } from './mail/mail-changes-store.js';
import { WaitlistService, waitingWishes } from '@fachtag/seating';
import { recordHistory, SYSTEM } from './history-store.js';

/**
 * Who holds a seat touched by a calendar change, row-locked (after the event,
 * which the organizer's change holds): the mail composer locks a registration
 * too, so it never reads the new state without the change that made it.
 * Waitlisted participants get no mail: their file shows the event as TENTATIVE
 * only, and promotion sends the current one.
 */
function affectedQuery(change: CalendarChange): { text: string; value: string } {
  if ('eventId' in change) {
    return {
      text: `select id from registrations where event_id = $1 and status = 'CONFIRMED'
              order by id for update`,
      value: change.eventId,
    };
  }
  const column = 'phaseId' in change ? 'phase_id' : 'workshop_id';
  return {
    text: `select r.id from registrations r join registration_workshops rw on rw.registration_id = r.id
            where rw.${column} = $1 and r.status = 'CONFIRMED' order by r.id for update of r`,
    value: 'phaseId' in change ? change.phaseId : change.workshopId,
  };
}

/** The registrations side of organizers' changes: promotions and mails, in their transaction. */
@Injectable()
export class RegistrationEventHooks implements EventChangeListener {
  constructor(
    private readonly mail: MailQueue,
    private readonly waitlist: WaitlistService,
  ) {}

  async seatsAdded(em: EntityManager, eventId: string): Promise<void> {
    const promoted = await this.waitlist.promoteWaitlisted(em, eventId);
    await recordHistory(em, promoted, 'PROMOTED', SYSTEM);
  }

  waitingWishes(em: EntityManager, workshopIds: readonly string[]): Promise<Map<string, number>> {
    return waitingWishes(em, workshopIds);
  }

  async eventCancelled(em: EntityManager, eventId: string, reason: string | null): Promise<void> {
    const rows = await sql<{ id: string }>(
      em,
      `select id from registrations where event_id = $1 and status in ('CONFIRMED', 'WAITLISTED')`,
      [eventId],
    );
    for (const { id } of rows) {
      await this.mail.enqueue(em, { kind: 'event.cancelled', registrationId: id, reason });
    }
  }

  async activeRegistrations(em: EntityManager, eventId: string): Promise<number> {
    const [row] = await sql<{ n: number }>(
      em,
      `select count(*)::int as n from registrations
        where event_id = $1 and status in ('CONFIRMED', 'WAITLISTED')`,
      [eventId],
    );
    return row?.n ?? 0;
  }

  async calendarChanged(em: EntityManager, change: CalendarChange): Promise<void> {
    const query = affectedQuery(change);
    const rows = await sql<{ id: string }>(em, query.text, [query.value]);
    // what changed goes to the table; the jobs only wake the worker, which tells each participant all at once
    await recordMailChanges(
      em,
      rows.map((r) => r.id),
      change.changes,
    );
    for (const { id } of rows) {
      await this.mail.enqueue(em, { kind: 'agenda.changed', registrationId: id });
    }
  }
}
