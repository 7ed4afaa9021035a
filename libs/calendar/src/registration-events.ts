import {
  formatLocation,
  workshopDescription,
  workshopSummary,
  type AgendaItemSource,
  type EventSource,
  type WorkshopSource,
} from './agenda-events.js';
import type { CalendarEventInput, CalendarPerson } from './ics-calendar.js';
import type { CalendarUids } from './uids.js';

/** A participant's registration, as far as their calendar file shows it. */
export interface RegistrationCalendarSource {
  registrationId: string;
  /** Rises with every change of the registration itself (workshop choice, status). */
  revision: number;
  /** False once the participant or an organizer cancelled it. */
  active: boolean;
  event: EventSource;
  /** The chosen workshops, each with the phase that gives it its times. */
  workshops: Array<{ phase: AgendaItemSource; workshop: WorkshopSource }>;
}

export interface RegistrationCalendarOptions {
  uids: CalendarUids;
  organizer: CalendarPerson | null;
  attendee?: CalendarPerson | null;
}

/**
 * A participant's file: one VEVENT for the event and one per chosen workshop,
 * with this registration's UIDs (`reg-<registrationId>-…`; never the manage
 * token, calendars get shared). SEQUENCE adds the registration's revision to
 * those of event, phase and workshop, so it rises with a change on either
 * side. A cancelled registration or event turns every entry CANCELLED (send
 * it with METHOD:CANCEL). A workshop dropped by a change is not in the new
 * file: the caller sends it separately, cancelled, to remove it from calendars.
 */
export function registrationCalendarEvents(
  source: RegistrationCalendarSource,
  options: RegistrationCalendarOptions,
): CalendarEventInput[] {
  const { event, registrationId: reg } = source;
  const common = {
    organizer: options.organizer,
    attendees: options.attendee ? [options.attendee] : [],
    status:
      source.active && event.status !== 'CANCELLED'
        ? ('CONFIRMED' as const)
        : ('CANCELLED' as const),
    categories: [event.title],
  };
  const eventEntry: CalendarEventInput = {
    ...common,
    uid: options.uids.registrationEvent(reg, event.id),
    sequence: event.revision + source.revision,
    start: event.startsAt,
    end: event.endsAt,
    summary: event.title,
    description: event.description ?? null,
    location: formatLocation(event.venue),
  };
  const workshopEntries = source.workshops.map(({ workshop, phase }): CalendarEventInput => ({
    ...common,
    uid: options.uids.registrationItem(reg, workshop.id),
    sequence: event.revision + phase.revision + workshop.revision + source.revision,
    start: phase.startsAt,
    end: phase.endsAt,
    summary: workshopSummary(workshop, event.language),
    description: workshopDescription(workshop, phase, event.language),
    location: formatLocation(event.venue, workshop.room),
  }));
  return [eventEntry, ...workshopEntries];
}
