import type { BuildSchemaOptions } from '@nestjs/graphql';
import { AuthResolver } from '../organizers/auth.resolver.js';
import { DateTimeScalar } from './date-time.scalar.js';

/**
 * Every resolver class of the API. The app module provides them and the schema
 * printer builds `schema.graphql` from them, so both always agree.
 */
export const RESOLVERS = [AuthResolver];

/** Schema options shared by the running server and the schema printer. */
export const BUILD_SCHEMA_OPTIONS: BuildSchemaOptions = {
  scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
  orphanedTypes: [],
};
