import pg from 'pg';

/** Key of the session-level advisory lock that serialises migrations across processes. */
const MIGRATION_LOCK = 'fachtag:migrations';

/**
 * Applies pending migrations while holding a PostgreSQL advisory lock, so that
 * several processes starting at once (API replicas, `npm run migrate`, `npm run
 * seed`) apply them one after another: the first applies, the others wait and
 * then find nothing to do. MikroORM's migrator takes no lock of its own; without
 * this, two replicas on an empty database both ran the first migration and one
 * died on a duplicate `create table`. Returns the names applied by this process.
 */
export async function applyMigrations(
  orm: { migrator: { up(): Promise<Array<{ name: string }>> } },
  databaseUrl: string,
): Promise<string[]> {
  const lock = new pg.Client({ connectionString: databaseUrl });
  lock.on('error', () => undefined);
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock(hashtext($1))', [MIGRATION_LOCK]);
    const applied = await orm.migrator.up();
    return applied.map((m) => m.name);
  } finally {
    // closing the session releases the lock, also when a migration failed
    await lock.end().catch(() => undefined);
  }
}
