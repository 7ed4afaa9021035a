import type { EntityManager } from '@mikro-orm/core';

/** Injection token of the {@link EventChangeListener}. */
export const EVENT_CHANGE_LISTENER = Symbol('EVENT_CHANGE_LISTENER');

/** What changed in a participant's calendar: the whole event, a phase, or one workshop. */
export type CalendarChange = { eventId: string } | { phaseId: string } | { workshopId: string };

/**
 * What registrations must learn about changes organizers make. Called inside
 * the organizer's transaction after the change is flushed, so the consequences
 * (promotions, mail jobs) commit or roll back together with it. Implemented by
 * the registrations feature; events do not know registrations.
 */
export interface EventChangeListener {
  /** More seats (a raised or removed capacity): promote from the waiting list. */
  seatsAdded(em: EntityManager, eventId: string): Promise<void>;
  /** The event was called off: everyone registered hears it. */
  eventCancelled(em: EntityManager, eventId: string, reason: string | null): Promise<void>;
  /** Waiting participants per workshop: they hold no seat yet, but wish for it. */
  waitingWishes(em: EntityManager, workshopIds: readonly string[]): Promise<Map<string, number>>;
  /** A time, room or venue in participants' calendars changed. */
  calendarChanged(em: EntityManager, change: CalendarChange): Promise<void>;
}
