import type { AgendaItem } from '@fachtag/events';
import type { Workshop } from '@fachtag/events';
import {
  buildCalendar,
  calendarUids,
  DEFAULT_PRODUCT_ID,
  registrationCalendarEvents,
  type CalendarEventInput,
  type CalendarMethod,
  type CalendarPerson,
} from '@fachtag/calendar';
import { RegistrationStatus, type Registration } from '../registration.entity.js';

/** A workshop with the phase that gives it its times. */
export interface PhasedWorkshop {
  phase: AgendaItem;
  workshop: Workshop;
}

export interface RegistrationCalendarSettings {
  publicBaseUrl: string;
  /** Address for ORGANIZER when the event has no contact e-mail (MAIL_FROM's address). */
  fallbackOrganizerEmail: string;
}

/** The chosen workshops of a loaded registration, in agenda order. */
export function chosenWorkshops(registration: Registration): PhasedWorkshop[] {
  return registration.choices
    .getItems()
    .map((c) => ({ phase: c.phase, workshop: c.workshop }))
    .sort((a, b) => a.phase.startsAt.getTime() - b.phase.startsAt.getTime());
}

function organizer(
  registration: Registration,
  settings: RegistrationCalendarSettings,
): CalendarPerson {
  const event = registration.event;
  return {
    name: event.organizerName,
    email: event.contactEmail ?? settings.fallbackOrganizerEmail,
  };
}

/**
 * The VEVENTs of a participant's calendar: the event and their workshops.
 * `workshops` defaults to the current choices; pass the dropped ones to cancel
 * them. A waitlisted registration shows the event as TENTATIVE, without workshops.
 * The participant is named as ATTENDEE only with `withAttendee` (a mail's
 * iTIP attachment): the feed behind `calendarUrl` may be shared, so it carries
 * neither name nor e-mail address.
 */
export function registrationEntries(
  registration: Registration,
  settings: RegistrationCalendarSettings,
  options: { active?: boolean; workshops?: PhasedWorkshop[]; withAttendee?: boolean } = {},
): CalendarEventInput[] {
  const active = options.active ?? registration.status !== RegistrationStatus.CANCELLED;
  const waitlisted = registration.status === RegistrationStatus.WAITLISTED;
  const entries = registrationCalendarEvents(
    {
      registrationId: registration.id,
      revision: registration.revision,
      active,
      event: registration.event,
      workshops: waitlisted ? [] : (options.workshops ?? chosenWorkshops(registration)),
    },
    {
      uids: calendarUids(settings.publicBaseUrl),
      organizer: organizer(registration, settings),
      attendee: options.withAttendee
        ? { name: `${registration.firstName} ${registration.lastName}`, email: registration.email }
        : null,
    },
  );
  return waitlisted && active ? entries.map((e) => ({ ...e, status: 'TENTATIVE' })) : entries;
}

/**
 * A whole VCALENDAR text for these entries. `stamp` (DTSTAMP) defaults to now,
 * right for a mail's iTIP message; a feed passes its last change instead.
 */
export function registrationCalendarFile(
  registration: Registration,
  method: CalendarMethod,
  events: CalendarEventInput[],
  stamp?: Date,
): string {
  return buildCalendar({
    method,
    productId: DEFAULT_PRODUCT_ID,
    name: registration.event.title,
    timeZone: registration.event.timeZone,
    stamp,
    events,
  });
}
