import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { hash } from '@node-rs/argon2';
import { ConfigError, loadConfig, type AppConfig } from '../../../libs/config/src/index.js';
import {
  checkConnection,
  ormOptions,
  startEmbeddedPostgres,
  type EmbeddedDatabase,
} from '../../../libs/database/src/index.js';
import {
  bareAddress,
  seedTransferforum,
  type DemoEdition,
} from '../../../libs/events/src/index.js';
import { Organizer } from '../../../libs/organizers/src/index.js';

/**
 * `npm run seed [-- --edition upcoming|2018|both]`: loads the Cologne
 * Transferforum into the database of DATABASE_URL (or the embedded one in
 * DATA_DIR while the server is stopped). Applies migrations first and creates
 * the configured organizer when missing. Safe to repeat.
 */

const USAGE = 'usage: npm run seed -- [--edition upcoming|2018|both]';

function fail(message: string): never {
  process.stderr.write(`fachtag seed: ${message}\n`);
  process.exit(1);
}

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

async function database(config: AppConfig): Promise<{ url: string; embedded?: EmbeddedDatabase }> {
  if (config.databaseUrl) {
    const problem = await checkConnection(config.databaseUrl);
    if (problem) fail(`DATABASE_URL: ${problem}`);
    return { url: config.databaseUrl };
  }
  const dir = join(config.dataDir, 'postgres');
  try {
    const embedded = await startEmbeddedPostgres({ dir });
    return { url: embedded.url, embedded };
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    fail(
      `embedded PostgreSQL in ${dir} did not start (is the server running? stop it or set DATABASE_URL): ${reason}`,
    );
  }
}

/** The configured organizer; created with ORGANIZER_PASSWORD or a generated password, printed once. */
async function ensureOrganizer(orm: MikroORM, config: AppConfig): Promise<Organizer> {
  const em = orm.em.fork();
  const email = bareAddress(config.organizerEmail);
  const found = await em.findOne(Organizer, { email });
  if (found) return found;
  const password = config.organizerPassword ?? randomBytes(12).toString('base64url');
  const organizer = em.create(Organizer, {
    email,
    name: 'Organizer',
    passwordHash: await hash(password),
  });
  await em.flush();
  process.stdout.write(
    config.organizerPassword
      ? `fachtag seed: created organizer ${email} with ORGANIZER_PASSWORD\n`
      : `fachtag seed: created organizer ${email} with password ${password} (shown only now)\n`,
  );
  return organizer;
}

async function main(): Promise<void> {
  let config: AppConfig;
  let editions: DemoEdition[];
  try {
    config = loadConfig(process.env);
    editions = parseEditions(process.argv.slice(2));
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const db = await database(config);
  const orm = await MikroORM.init(ormOptions(db.url, { poolMax: 2 }));
  try {
    await orm.migrator.up();
    const owner = await ensureOrganizer(orm, config);
    for (const edition of editions) {
      const { event, created } = await seedTransferforum(orm.em.fork(), owner, { edition });
      const what = created ? 'loaded' : 'already there, unchanged';
      process.stdout.write(`fachtag seed: ${edition} edition ${what}: ${event.slug}\n`);
    }
  } finally {
    await orm.close();
    await db.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  fail(error instanceof Error ? error.message.split('\n')[0] : String(error));
});
