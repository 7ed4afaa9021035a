import { Module } from '@nestjs/common';
import { EventsModule } from '../../../../libs/events/src/index.js';
import { OrganizersModule } from '../../../../libs/organizers/src/index.js';
import { GraphQLContextFactory } from './context.js';

/** Provides the per-request context factory to the GraphQL module. */
@Module({
  imports: [OrganizersModule, EventsModule],
  providers: [GraphQLContextFactory],
  exports: [GraphQLContextFactory],
})
export class GraphQLContextModule {}
