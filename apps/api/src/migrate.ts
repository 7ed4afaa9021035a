import 'reflect-metadata';
import { ENTITIES } from './entities.js';
import { MikroORM } from '@mikro-orm/core';
import { configOrExit, exitWith } from '@fachtag/config';
import { applyMigrations, openDatabase, ormOptions } from '@fachtag/database';

const PROGRAM = 'fachtag migrate';

/**
 * `npm run migrate`: applies pending migrations to DATABASE_URL's database (or
 * the embedded one in DATA_DIR while the server is stopped). The server does
 * the same on every start; this is for deployments that migrate first.
 */
async function main(): Promise<void> {
  const config = configOrExit(PROGRAM);
  const db = await openDatabase(config);
  const orm = await MikroORM.init(ormOptions(db.url, { entities: ENTITIES, poolMax: 2 }));
  try {
    const names = await applyMigrations(orm, db.url);
    process.stdout.write(
      `${PROGRAM}: ${names.length ? `applied ${names.join(', ')}` : 'nothing to apply'}\n`,
    );
  } finally {
    await orm.close();
    await db.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  exitWith(PROGRAM, error instanceof Error ? error.message.split('\n')[0] : String(error));
});
