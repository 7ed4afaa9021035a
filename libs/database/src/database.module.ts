import { MikroOrmModule } from '@mikro-orm/nestjs';
import { ormOptions, type OrmOptions } from './mikro-orm.config.js';

/** MikroORM for the application, with a request context per HTTP request. */
export function databaseModule(databaseUrl: string, options: OrmOptions) {
  return MikroOrmModule.forRoot({
    ...ormOptions(databaseUrl, options),
    registerRequestContext: true,
  });
}
