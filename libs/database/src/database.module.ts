import { MikroOrmModule } from '@mikro-orm/nestjs';
import { ormOptions } from './mikro-orm.config.js';

/** MikroORM for the application, with a request context per HTTP request. */
export function databaseModule(databaseUrl: string, options: { poolMax?: number } = {}) {
  return MikroOrmModule.forRoot({
    ...ormOptions(databaseUrl, options),
    registerRequestContext: true,
  });
}
