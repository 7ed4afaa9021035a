import type { EntityManager } from '@mikro-orm/core';
import type { VenueData } from './speaker.js';

/** Injection token of the {@link EventChangeListener}. */
export const EVENT_CHANGE_LISTENER = Symbol('EVENT_CHANGE_LISTENER');

/** A start and an end, as ISO 8601 instants (the change is stored as JSON). */
export interface TimeSpan {
  startsAt: string;
  endsAt: string;
}

/**
 * One thing an organizer changed that participants' calendars show, with the
 * old and the new value, so that a mail can say "11:30 → 12:00" or
 * "Raum 1 → Großer Saal". `target` is the id of the event, agenda item or
 * workshop; `label` names it as participants know it ("Arbeitsphase I",
 * "Workshop 3: Dialogische Haltung").
 */
export type ProgrammeChange =
  | { type: 'time'; target: string; label: string; from: TimeSpan; to: TimeSpan }
  | { type: 'room'; target: string; label: string; from: string | null; to: string | null }
  | { type: 'venue'; target: string; label: string; from: VenueData | null; to: VenueData | null };

/**
 * What changed in a participant's calendar: the whole event, a phase, or one
 * workshop, and how.
 */
export type CalendarChange = (
  { eventId: string } | { phaseId: string } | { workshopId: string }
) & {
  changes: ProgrammeChange[];
};

/** The span of something with a start and an end, for a {@link ProgrammeChange}. */
export function timeSpan(of: { startsAt: Date; endsAt: Date }): TimeSpan {
  return { startsAt: of.startsAt.toISOString(), endsAt: of.endsAt.toISOString() };
}

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
  /** Registrations that are confirmed or waiting (not cancelled) for the event. */
  activeRegistrations(em: EntityManager, eventId: string): Promise<number>;
  /** A time, room or venue in participants' calendars changed. */
  calendarChanged(em: EntityManager, change: CalendarChange): Promise<void>;
}
