import { randomBytes } from 'node:crypto';
import pg from 'pg';

function adminUrl(): string {
  const url = process.env.FACHTAG_TEST_ADMIN_URL;
  if (!url)
    throw new Error('FACHTAG_TEST_ADMIN_URL is unset: run the tests through jest (globalSetup)');
  return url;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database whose name contains `test`; returns its URL. */
export async function createTestDatabase(): Promise<{ name: string; url: string }> {
  const worker = process.env.JEST_WORKER_ID ?? '0';
  const name = `fachtag_test_${worker}_${randomBytes(5).toString('hex')}`;
  await admin((c) => c.query(`create database ${c.escapeIdentifier(name)}`));
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

export async function dropTestDatabase(name: string): Promise<void> {
  if (!name.includes('test')) throw new Error(`refusing to drop '${name}': not a test database`);
  await admin((c) => c.query(`drop database if exists ${c.escapeIdentifier(name)} with (force)`));
}

/**
 * Takes a test database away from its clients, as an outage would: no new
 * connections, and every open one terminated. `allow` gives it back.
 */
export async function cutOffTestDatabase(name: string, allow = false): Promise<void> {
  if (!name.includes('test')) throw new Error(`refusing to cut off '${name}': not a test database`);
  await admin(async (c) => {
    await c.query(`alter database ${c.escapeIdentifier(name)} with allow_connections ${allow}`);
    if (!allow) {
      await c.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [name],
      );
    }
  });
}
