import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { ConfigModule, type AppConfig } from '../../../libs/config/src/index.js';
import { DatabaseUrlModule, databaseModule } from '../../../libs/database/src/index.js';
import { MailModule } from '../../../libs/mail/src/index.js';
import { RegistrationMailModule } from '../../../libs/registrations/src/index.js';
import { loggerParams } from '../../api/src/logging.js';

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
        databaseModule(databaseUrl, { poolMax: 4 }),
        MailModule,
        RegistrationMailModule,
      ],
    };
  }
}
