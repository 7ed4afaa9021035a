import { Module } from '@nestjs/common';
import { EventsModule } from '../../../../libs/events/src/index.js';
import { OrganizersModule } from '../../../../libs/organizers/src/index.js';
import { GraphQLContextFactory } from './context.js';
import { PublicReadCache } from './public-read-cache.js';

/** Provides the per-request context factory and the public read cache to the GraphQL module. */
@Module({
  imports: [OrganizersModule, EventsModule],
  providers: [GraphQLContextFactory, PublicReadCache],
  exports: [GraphQLContextFactory, PublicReadCache],
})
export class GraphQLContextModule {}
