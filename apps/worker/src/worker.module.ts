import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { ConfigModule, loggerParams, type AppConfig } from '@fachtag/config';
import { DatabaseUrlModule, databaseModule } from '@fachtag/database';
import { MailModule } from '@fachtag/mail';
import { RegistrationMailModule } from '@fachtag/registrations';
import { ENTITIES } from './entities.js';

/** The mail worker alone: no HTTP, no GraphQL; shares the queue with the API. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot({ ...config, runWorker: true }),
        LoggerModule.forRoot(loggerParams(config)),
        DatabaseUrlModule.forRoot(databaseUrl),
        databaseModule(databaseUrl, { entities: ENTITIES, poolMax: 4 }),
        MailModule,
        RegistrationMailModule,
      ],
    };
  }
}
