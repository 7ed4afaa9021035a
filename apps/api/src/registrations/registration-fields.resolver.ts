import { Inject } from '@nestjs/common';
import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { wrap } from '@mikro-orm/core';
import { registrationFeedUrl } from '@fachtag/calendar';
import { APP_CONFIG, type AppConfig } from '@fachtag/config';
import type { Event, Workshop } from '@fachtag/events';
import { Registration, RegistrationQueriesService } from '@fachtag/registrations';
import { WorkshopModel } from '../agenda/models/workshop.model.js';
import { EventModel } from '../events/models/event.model.js';
import { RegistrationModel } from './models/registration.model.js';
import {
  RegistrationHistoryActor,
  RegistrationHistoryEntryModel,
  RegistrationHistoryKind,
} from './models/registration-history.model.js';
import { requireEventManager, type RequestContext } from './require-event-manager.js';

/**
 * Computed fields of Registration. Queries return it with event and workshops
 * loaded; a mutation's answer with the row only, and these load what is asked.
 */
@Resolver(() => RegistrationModel)
export class RegistrationFieldsResolver {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queries: RegistrationQueriesService,
  ) {}

  @ResolveField(() => [RegistrationHistoryEntryModel], {
    description:
      "Organizers of the event only: what happened to this registration, oldest first (who, when, from → to, reasons, mails). A participant's own read gets UNAUTHENTICATED.",
  })
  async history(
    @Parent() registration: Registration,
    @Context() context: RequestContext,
  ): Promise<RegistrationHistoryEntryModel[]> {
    await requireEventManager(context, registration.event.id);
    const entries = await this.queries.history(registration.id);
    return entries.map((e) => ({
      id: e.id,
      at: e.at,
      kind: e.kind as RegistrationHistoryKind,
      actor: e.actor as RegistrationHistoryActor,
      organizerName: e.organizerName,
      reason: e.reason,
      fromWorkshops: e.details.from ?? [],
      toWorkshops: e.details.to ?? [],
      mail: e.details.mail ?? null,
      failure: e.details.failure ?? null,
    }));
  }

  @ResolveField(() => Date, {
    nullable: true,
    description: 'When it was cancelled; null while active.',
  })
  cancelledAt(@Parent() registration: Registration): Date | null {
    return registration.cancelledAt;
  }

  @ResolveField(() => EventModel, { description: 'The event.' })
  async event(@Parent() registration: Registration): Promise<Event> {
    // a mutation's answer carries the row only (RegistrationQueriesService.loadRow)
    if (!wrap(registration.event).isInitialized()) await wrap(registration.event).init();
    return registration.event;
  }

  @ResolveField(() => [WorkshopModel], {
    description:
      'The chosen workshops, one per workshop phase, in agenda order (wishes while WAITLISTED).',
  })
  async workshops(@Parent() registration: Registration): Promise<Workshop[]> {
    if (!registration.choices.isInitialized(true))
      await registration.choices.init({ populate: ['workshop', 'phase'] });
    return [...registration.choices.getItems()]
      .sort(
        (a, b) =>
          a.phase.startsAt.getTime() - b.phase.startsAt.getTime() ||
          a.workshop.number - b.workshop.number,
      )
      .map((c) => c.workshop);
  }

  @ResolveField(() => String, {
    description:
      "This participant's calendar file: the event plus the chosen workshops. Its link holds a read-only calendar token, never the manage token, so it may be shared with calendar services.",
  })
  calendarUrl(@Parent() registration: Registration): string {
    return registrationFeedUrl(this.config.publicBaseUrl, registration.calendarToken);
  }
}
