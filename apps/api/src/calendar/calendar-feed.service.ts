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
  registrationCalendarFile,
  registrationEntries,
} from '@fachtag/registrations';

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
   * calendars remove them. Null for an unknown token.
   */
  async registrationFeed(token: string): Promise<string | null> {
    const registration = await this.registrations.findForCalendar(token);
    if (!registration) return null;
    const settings = {
      publicBaseUrl: this.config.publicBaseUrl,
      fallbackOrganizerEmail: this.config.mailFromAddress,
    };
    return registrationCalendarFile(
      registration,
      'PUBLISH',
      registrationEntries(registration, settings),
    );
  }

  /**
   * The agenda of a published or cancelled event as a METHOD:PUBLISH calendar;
   * null for drafts and unknown slugs. Three queries, whatever the agenda's size.
   */
  async eventFeed(slug: string, now: Date = new Date()): Promise<string | null> {
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
    return buildCalendar({
      method: 'PUBLISH',
      productId: DEFAULT_PRODUCT_ID,
      name: event.title,
      timeZone: event.timeZone,
      stamp: now,
      events: agendaCalendarEvents(event, agenda, {
        uids: calendarUids(this.config.publicBaseUrl),
        organizer,
      }),
    });
  }
}
