import type { BuildSchemaOptions } from '@nestjs/graphql';
import { AgendaItemFieldsResolver } from '../agenda/agenda-item-fields.resolver.js';
import { AgendaResolver } from '../agenda/agenda.resolver.js';
import { WorkshopFieldsResolver } from '../agenda/workshop-fields.resolver.js';
import { EventFieldsResolver } from '../events/event-fields.resolver.js';
import { EventsResolver } from '../events/events.resolver.js';
import { LocalTimeResolver } from '../events/local-time.resolver.js';
import { AuthResolver } from '../organizers/auth.resolver.js';
import { AlreadyRegisteredError } from '../registrations/errors/already-registered.error.js';
import { EventFullError } from '../registrations/errors/event-full.error.js';
import { InputInvalidError } from '../registrations/errors/input-invalid.error.js';
import { InvalidWorkshopSelectionError } from '../registrations/errors/invalid-workshop-selection.error.js';
import { RegistrationClosedError } from '../registrations/errors/registration-closed.error.js';
import { RegistrationNotFoundError } from '../registrations/errors/registration-not-found.error.js';
import { RegistrationNotOpenError } from '../registrations/errors/registration-not-open.error.js';
import { WorkshopFullError } from '../registrations/errors/workshop-full.error.js';
import { OrganizerRegistrationsResolver } from '../registrations/organizer-registrations.resolver.js';
import { RegistrationFieldsResolver } from '../registrations/registration-fields.resolver.js';
import { RegistrationsResolver } from '../registrations/registrations.resolver.js';
import { DateTimeScalar } from './date-time.scalar.js';

/**
 * Every resolver class of the API. The app module provides them and the schema
 * printer builds `schema.graphql` from them, so both always agree.
 */
export const RESOLVERS = [
  AuthResolver,
  RegistrationsResolver,
  RegistrationFieldsResolver,
  OrganizerRegistrationsResolver,
  EventsResolver,
  EventFieldsResolver,
  LocalTimeResolver,
  AgendaResolver,
  AgendaItemFieldsResolver,
  WorkshopFieldsResolver,
];

/** Schema options shared by the running server and the schema printer. */
export const BUILD_SCHEMA_OPTIONS: BuildSchemaOptions = {
  scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
  orphanedTypes: [
    RegistrationClosedError,
    RegistrationNotOpenError,
    EventFullError,
    WorkshopFullError,
    AlreadyRegisteredError,
    InvalidWorkshopSelectionError,
    InputInvalidError,
    RegistrationNotFoundError,
  ],
};
