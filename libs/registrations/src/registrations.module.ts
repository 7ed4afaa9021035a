import { Global, Module } from '@nestjs/common';
import { EVENT_CHANGE_LISTENER } from '@fachtag/events';
import { ManageLinkService } from './manage-link.service.js';
import { OrganizerMovesService } from './organizer-moves.service.js';
import { RegistrationEventHooks } from './registration-event-hooks.js';
import { RegistrationChangesService } from './registration-changes.service.js';
import { RegistrationQueriesService } from './registration-queries.service.js';
import { RegistrationsService } from './registrations.service.js';
import { WaitlistService } from '@fachtag/seating';

const SERVICES = [
  RegistrationsService,
  RegistrationChangesService,
  RegistrationQueriesService,
  WaitlistService,
  ManageLinkService,
  OrganizerMovesService,
];

/**
 * Registration services. Global, because the events feature reaches it only
 * through EVENT_CHANGE_LISTENER (events must not import registrations).
 */
@Global()
@Module({
  providers: [...SERVICES, { provide: EVENT_CHANGE_LISTENER, useClass: RegistrationEventHooks }],
  exports: [...SERVICES, EVENT_CHANGE_LISTENER],
})
export class RegistrationsModule {}
