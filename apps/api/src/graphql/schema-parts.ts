import type { BuildSchemaOptions } from '@nestjs/graphql';
import { AgendaItemFieldsResolver } from '../agenda/agenda-item-fields.resolver.js';
import { AgendaResolver } from '../agenda/agenda.resolver.js';
import { WorkshopFieldsResolver } from '../agenda/workshop-fields.resolver.js';
import { EventFieldsResolver } from '../events/event-fields.resolver.js';
import { EventsResolver } from '../events/events.resolver.js';
import { AuthResolver } from '../organizers/auth.resolver.js';
import { DateTimeScalar } from './date-time.scalar.js';

/**
 * Every resolver class of the API. The app module provides them and the schema
 * printer builds `schema.graphql` from them, so both always agree.
 */
export const RESOLVERS = [
  AuthResolver,
  EventsResolver,
  EventFieldsResolver,
  AgendaResolver,
  AgendaItemFieldsResolver,
  WorkshopFieldsResolver,
];

/** Schema options shared by the running server and the schema printer. */
export const BUILD_SCHEMA_OPTIONS: BuildSchemaOptions = {
  scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
  orphanedTypes: [],
};
