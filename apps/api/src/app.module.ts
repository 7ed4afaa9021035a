import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { LoggerModule } from 'nestjs-pino';
import { ConfigModule, type AppConfig } from '../../../libs/config/src/index.js';
import { DatabaseUrlModule, databaseModule } from '../../../libs/database/src/index.js';
import { MailModule } from '../../../libs/mail/src/index.js';
import { errorReportingPlugin, formatGraphqlError } from './graphql/error-reporting.js';
import { queryLimitOptions } from './graphql/query-limits.js';
import { BUILD_SCHEMA_OPTIONS, RESOLVERS } from './graphql/schema-parts.js';
import { HealthController } from './health/health.controller.js';
import { loggerParams } from './logging.js';
import { SecurityModule } from './security/security.module.js';

/** The API application: GraphQL at /graphql, health, calendar feeds. */
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
        SecurityModule.forRoot(config),
        DatabaseUrlModule.forRoot(databaseUrl),
        databaseModule(databaseUrl),
        MailModule,
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
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
          validationRules: limits.validationRules,
          parseOptions: limits.parseOptions,
          allowBatchedHttpRequests: limits.allowBatchedHttpRequests,
          plugins: [...limits.plugins, errorReportingPlugin],
          context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
        }),
      ],
      controllers: [HealthController],
      providers: [...RESOLVERS],
    };
  }
}
