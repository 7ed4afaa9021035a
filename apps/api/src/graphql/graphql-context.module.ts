import { Module } from '@nestjs/common';
import { EventsModule } from '@fachtag/events';
import { OrganizersModule } from '@fachtag/organizers';
import { GraphQLContextFactory } from './context.js';
import { PublicReadCache } from './public-read-cache.js';

/** Provides the per-request context factory and the public read cache to the GraphQL module. */
@Module({
  imports: [OrganizersModule, EventsModule],
  providers: [GraphQLContextFactory, PublicReadCache],
  exports: [GraphQLContextFactory, PublicReadCache],
})
export class GraphQLContextModule {}
