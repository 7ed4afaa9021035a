// Plain JavaScript on purpose: jest loads globalSetup outside its ESM transform
// pipeline, so this imports the compiled launcher (`npm test` builds first).
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../dist/libs/database/src/embedded-postgres.js';

/**
 * One PostgreSQL server for the whole run: the one in DATABASE_URL when set,
 * else a throw-away embedded cluster. Every test file then creates and drops
 * its own database on it (see database.ts), so parallel workers never collide.
 */
export default async function globalSetup() {
  if (process.env.DATABASE_URL) {
    process.env.FACHTAG_TEST_ADMIN_URL = process.env.DATABASE_URL;
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'fachtag-test-pg-'));
  chmodSync(dir, 0o755); // the cluster runs as the OS user postgres when we are root
  const db = await startEmbeddedPostgres({ dir, persistent: false });
  globalThis.__FACHTAG_EMBEDDED__ = db;
  process.env.FACHTAG_TEST_ADMIN_URL = db.adminUrl;
}
