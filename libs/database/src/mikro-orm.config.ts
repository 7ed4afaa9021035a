import { defineConfig, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { Migrator } from '@mikro-orm/migrations';
import type { EntityClass } from '@mikro-orm/core';
import { MIGRATIONS } from './migrations/index.js';

/**
 * What the database needs from its callers. The entities come from the feature
 * libs (each owns its tables), composed by the app: the database lib sits below
 * them and imports none of them.
 */
export interface OrmOptions {
  entities: readonly EntityClass<object>[];
  debug?: boolean;
  poolMax?: number;
}

/** The MikroORM options for a database URL; the single place they are defined. */
export function ormOptions(databaseUrl: string, options: OrmOptions) {
  return defineConfig({
    driver: PostgreSqlDriver,
    clientUrl: databaseUrl,
    entities: [...options.entities],
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    discovery: { warnWhenNoEntities: false },
    pool: { min: 0, max: options.poolMax ?? 10 },
    debug: options.debug ?? false,
    // Entities are loaded fresh in every unit of work; nothing may leak between requests.
    allowGlobalContext: false,
    migrations: {
      migrationsList: MIGRATIONS,
      tableName: 'mikro_orm_migrations',
      snapshot: false,
      snapshotOnMigrate: false,
      silent: true,
      transactional: true,
      allOrNothing: true,
    },
  });
}
