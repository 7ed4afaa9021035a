import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { LoggerModule } from 'nestjs-pino';
import { ConfigModule, type AppConfig } from '../../../libs/config/src/index.js';
import { DatabaseUrlModule, databaseModule } from '../../../libs/database/src/index.js';
import { MailModule } from '../../../libs/mail/src/index.js';
import { CalendarFeedService } from './calendar/calendar-feed.service.js';
import { CalendarController } from './calendar/calendar.controller.js';
import { RegistrationsModule } from '../../../libs/registrations/src/index.js';
import { BUILD_SCHEMA_OPTIONS, RESOLVERS } from './graphql/schema-parts.js';
import { HealthController } from './health/health.controller.js';
import { loggerParams } from './logging.js';

/** The API application: GraphQL at /graphql, health, calendar feeds. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    const production = config.nodeEnv === 'production';
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(config)),
        DatabaseUrlModule.forRoot(databaseUrl),
        databaseModule(databaseUrl),
        MailModule,
        RegistrationsModule,
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          buildSchemaOptions: BUILD_SCHEMA_OPTIONS,
          introspection: !production,
          playground: false,
          includeStacktraceInErrorResponses: !production,
          context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
        }),
      ],
      controllers: [HealthController, CalendarController],
      providers: [...RESOLVERS, CalendarFeedService],
    };
  }
}
