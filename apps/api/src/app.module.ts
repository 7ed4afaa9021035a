import { DynamicModule, Module } from '@nestjs/common';
import { ENTITIES } from './entities.js';
import { sentTokenPlugin } from './organizers/sent-token.plugin.js';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import type { Request, Response } from 'express';
import { LoggerModule } from 'nestjs-pino';
import { ConfigModule, loggerParams, type AppConfig } from '@fachtag/config';
import { DatabaseUrlModule, databaseModule } from '@fachtag/database';
import { EventsModule } from '@fachtag/events';
import { MailModule } from '@fachtag/mail';
import { CalendarFeedService } from './calendar/calendar-feed.service.js';
import { CalendarController } from './calendar/calendar.controller.js';
import { RegistrationMailModule, RegistrationsModule } from '@fachtag/registrations';
import { OrganizersModule } from '@fachtag/organizers';
import { GraphQLContextFactory } from './graphql/context.js';
import { GraphQLContextModule } from './graphql/graphql-context.module.js';
import { PublicReadCache } from './graphql/public-read-cache.js';
import { errorReportingPlugin, formatGraphqlError } from './graphql/error-reporting.js';
import { inputSanitationPlugin } from './graphql/input-sanitation.js';
import { localizeErrorsPlugin } from './graphql/localize.js';
import { queryLimitOptions } from './graphql/query-limits.js';
import { BUILD_SCHEMA_OPTIONS, RESOLVERS } from './graphql/schema-parts.js';
import { BenchController } from './bench/bench.controller.js';
import { ExportDataService } from './exports/export-data.service.js';
import { ExportsController } from './exports/exports.controller.js';
import { HealthController } from './health/health.controller.js';
import { SecurityModule } from './security/security.module.js';

/** The API application: GraphQL at /graphql, health, calendar feeds, organizers' exports. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    const production = config.nodeEnv === 'production';
    const limits = queryLimitOptions(production);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(config)),
        SecurityModule.forRoot(config, databaseUrl),
        DatabaseUrlModule.forRoot(databaseUrl),
        databaseModule(databaseUrl, { entities: ENTITIES }),
        MailModule,
        OrganizersModule,
        EventsModule,
        RegistrationsModule,
        RegistrationMailModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [GraphQLContextModule],
          inject: [GraphQLContextFactory, PublicReadCache],
          useFactory: (contexts: GraphQLContextFactory, readCache: PublicReadCache) => ({
            path: '/graphql',
            autoSchemaFile: true,
            sortSchema: true,
            buildSchemaOptions: BUILD_SCHEMA_OPTIONS,
            introspection: !production,
            // no landing page at all: Apollo's loads its assets from a CDN
            playground: false,
            csrfPrevention: true,
            // no automatic persisted queries: nobody needs them, and they let anyone fill a cache
            persistedQueries: false,
            includeStacktraceInErrorResponses: false,
            hideSchemaDetailsFromClientErrors: production,
            formatError: formatGraphqlError(production),
            // no fieldResolverEnhancers: Nest's pipeline around every field costs more than the
            // field itself; formatGraphqlError translates the domain errors of field resolvers
            validationRules: limits.validationRules,
            parseOptions: limits.parseOptions,
            allowBatchedHttpRequests: limits.allowBatchedHttpRequests,
            plugins: [
              inputSanitationPlugin,
              sentTokenPlugin,
              ...limits.plugins,
              errorReportingPlugin,
              localizeErrorsPlugin,
              readCache.plugin(),
            ],
            // per request: the caller (lazily, from the bearer token) and fresh DataLoaders
            context: ({ req, res }: { req: Request; res: Response }) => contexts.create(req, res),
          }),
        }),
      ],
      controllers: [
        HealthController,
        CalendarController,
        ExportsController,
        ...(config.benchEndpoints ? [BenchController] : []),
      ],
      providers: [...RESOLVERS, CalendarFeedService, ExportDataService],
    };
  }
}
