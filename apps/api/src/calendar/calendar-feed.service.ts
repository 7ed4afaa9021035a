import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import {
  agendaCalendarEvents,
  buildCalendar,
  calendarUids,
  DEFAULT_PRODUCT_ID,
  type AgendaEntry,
} from '@fachtag/calendar';
import { APP_CONFIG, type AppConfig } from '@fachtag/config';
import { AgendaItem, Event, EventStatus, Workshop } from '@fachtag/events';
import {
  RegistrationQueriesService,
  chosenWorkshops,
  registrationCalendarFile,
  registrationEntries,
} from '@fachtag/registrations';

/** A calendar file and the time of the last change to what it shows. */
export interface CalendarFeed {
  body: string;
  /** DTSTAMP of every entry and the feed's Last-Modified: never "now". */
  lastModified: Date;
}

/** The latest of these instants (whole milliseconds). */
function latest(...instants: Date[]): Date {
  return new Date(Math.max(...instants.map((d) => d.getTime())));
}

/** Public calendar files, read straight from the entities (read-only). */
@Injectable()
export class CalendarFeedService {
  constructor(
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registrations: RegistrationQueriesService,
  ) {}

  /**
   * A participant's own calendar (the event and their workshops), by manage or
   * calendar token; cancelled entries stay in it as CANCELLED so subscribed
   * calendars remove them. No ATTENDEE: the link may be shared. Null for an
   * unknown token.
   */
  async registrationFeed(token: string): Promise<CalendarFeed | null> {
    const registration = await this.registrations.findForCalendar(token);
    if (!registration) return null;
    const settings = {
      publicBaseUrl: this.config.publicBaseUrl,
      fallbackOrganizerEmail: this.config.mailFromAddress,
    };
    // everything the file shows: the registration (status, choices), the event, the chosen workshops and their phases
    const lastModified = latest(
      registration.updatedAt,
      registration.event.updatedAt,
      ...chosenWorkshops(registration).flatMap((c) => [c.phase.updatedAt, c.workshop.updatedAt]),
    );
    const body = registrationCalendarFile(
      registration,
      'PUBLISH',
      registrationEntries(registration, settings),
      lastModified,
    );
    return { body, lastModified };
  }

  /**
   * The agenda of a published or cancelled event as a METHOD:PUBLISH calendar;
   * null for drafts and unknown slugs. Three queries, whatever the agenda's size.
   * Removing an item or workshop stamps the event (AgendaService), so the latest
   * `updatedAt` of event, items and workshops is the last change of the file.
   */
  async eventFeed(slug: string): Promise<CalendarFeed | null> {
    const event = await this.em.findOne(Event, {
      slug,
      status: { $in: [EventStatus.PUBLISHED, EventStatus.CANCELLED] },
    });
    if (!event) return null;
    const items = await this.em.find(AgendaItem, { event }, { orderBy: { startsAt: 'asc' } });
    const workshops = await this.em.find(Workshop, { event }, { orderBy: { number: 'asc' } });
    const agenda: AgendaEntry[] = items.map((item) => ({
      item,
      workshops: workshops.filter((w) => w.phase.id === item.id),
    }));
    // ORGANIZER needs an address; without a contact the sender of our mails stands in.
    const organizer = {
      name: event.organizerName,
      email: event.contactEmail ?? this.config.mailFromAddress,
    };
    const lastModified = latest(
      event.updatedAt,
      ...items.map((i) => i.updatedAt),
      ...workshops.map((w) => w.updatedAt),
    );
    const body = buildCalendar({
      method: 'PUBLISH',
      productId: DEFAULT_PRODUCT_ID,
      name: event.title,
      timeZone: event.timeZone,
      stamp: lastModified,
      events: agendaCalendarEvents(event, agenda, {
        uids: calendarUids(this.config.publicBaseUrl),
        organizer,
      }),
    });
    return { body, lastModified };
  }
}
