import { Inject } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config/src/index.js';
import type { Event, Workshop } from '../../../../libs/events/src/index.js';
import { Registration } from '../../../../libs/registrations/src/index.js';
import { WorkshopModel } from '../agenda/models/workshop.model.js';
import { EventModel } from '../events/models/event.model.js';
import { RegistrationModel } from './models/registration.model.js';

/** Computed fields of Registration; services return it with event and workshops loaded. */
@Resolver(() => RegistrationModel)
export class RegistrationFieldsResolver {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @ResolveField(() => EventModel, { description: 'The event.' })
  event(@Parent() registration: Registration): Event {
    return registration.event;
  }

  @ResolveField(() => [WorkshopModel], {
    description:
      'The chosen workshops, one per workshop phase, in agenda order (wishes while WAITLISTED).',
  })
  workshops(@Parent() registration: Registration): Workshop[] {
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
      "This participant's calendar file: the event plus the chosen workshops. Contains the manage token where the caller knows it, else a read-only calendar token.",
  })
  calendarUrl(@Parent() registration: Registration): string {
    const token = registration.manageToken ?? registration.calendarToken;
    return `${this.config.publicBaseUrl}/calendar/registrations/${token}.ics`;
  }
}
