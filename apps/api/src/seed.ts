import 'reflect-metadata';
import { ENTITIES } from './entities.js';
import { MikroORM } from '@mikro-orm/core';
import { ConfigError, configOrExit, exitWith } from '@fachtag/config';
import { applyMigrations, openDatabase, ormOptions } from '@fachtag/database';
import { seedTransferforum, type DemoEdition } from '@fachtag/events';
import { ensureConfiguredOrganizer, findConfiguredOrganizer } from '@fachtag/organizers';

/**
 * `npm run seed [-- --edition upcoming|2018|both]`: loads the Cologne
 * Transferforum into the database of DATABASE_URL (or the embedded one in
 * DATA_DIR while the server is stopped). Applies migrations first and creates
 * the configured organizer when missing. Safe to repeat.
 */

const USAGE = 'usage: npm run seed -- [--edition upcoming|2018|both]';

const PROGRAM = 'fachtag seed';

/** Reads `--edition X` or `--edition=X`; defaults to the upcoming edition. */
function parseEditions(args: string[]): DemoEdition[] {
  let value = 'upcoming';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--edition') value = args[++i] ?? '';
    else if (arg.startsWith('--edition=')) value = arg.slice('--edition='.length);
    else throw new ConfigError(`unknown argument '${arg}'; ${USAGE}`);
  }
  if (value === 'both') return ['2018', 'upcoming'];
  if (value === 'upcoming' || value === '2018') return [value];
  throw new ConfigError(`--edition must be upcoming, 2018 or both, got '${value}'; ${USAGE}`);
}

async function main(): Promise<void> {
  const config = configOrExit(PROGRAM);
  let editions: DemoEdition[];
  try {
    editions = parseEditions(process.argv.slice(2));
  } catch (error) {
    if (error instanceof ConfigError) exitWith(PROGRAM, error.message);
    throw error;
  }
  const db = await openDatabase(config).catch((error: Error) =>
    exitWith(PROGRAM, withHint(error.message, config.databaseUrl === null)),
  );
  const orm = await MikroORM.init(ormOptions(db.url, { entities: ENTITIES, poolMax: 2 }));
  try {
    await applyMigrations(orm, db.url);
    // the same organizer (and demo password) the server sets up at start
    const { generatedPassword } = await ensureConfiguredOrganizer(orm.em.fork(), config);
    if (generatedPassword) {
      process.stdout.write(
        `${PROGRAM}: organizer login: ${config.organizerEmail} / ${generatedPassword}\n`,
      );
    }
    const owner = await findConfiguredOrganizer(orm.em, config);
    if (!owner) throw new Error(`organizer ${config.organizerEmail} was not created`);
    for (const edition of editions) {
      const { event, created } = await seedTransferforum(orm.em.fork(), owner, { edition });
      const what = created ? 'loaded' : 'already there, unchanged';
      process.stdout.write(`${PROGRAM}: ${edition} edition ${what}: ${event.slug}\n`);
    }
  } finally {
    await orm.close();
    await db.embedded?.stop();
  }
}

/** An embedded database that does not start is usually held by the running server. */
function withHint(message: string, embedded: boolean): string {
  return embedded ? `${message} (is the server running? stop it or set DATABASE_URL)` : message;
}

main().catch((error: unknown) => {
  exitWith(PROGRAM, error instanceof Error ? error.message.split('\n')[0] : String(error));
});
