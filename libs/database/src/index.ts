export * from './connection-check.js';
export * from './database.module.js';
export * from './embedded-postgres.js';
export * from './mikro-orm.config.js';
export * from './sql.js';
export * from './database-url.js';
export * from './open-database.js';
export * from './migrate.js';
