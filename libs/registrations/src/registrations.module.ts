import { Module } from '@nestjs/common';
import { RegistrationChangesService } from './registration-changes.service.js';
import { RegistrationQueriesService } from './registration-queries.service.js';
import { RegistrationsService } from './registrations.service.js';
import { WaitlistService } from './waitlist.service.js';

const SERVICES = [
  RegistrationsService,
  RegistrationChangesService,
  RegistrationQueriesService,
  WaitlistService,
];

/** Registration services; WaitlistService is exported for the events side (raised capacity). */
@Module({ providers: SERVICES, exports: SERVICES })
export class RegistrationsModule {}
