import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, dropTestDatabase } from './harness/index.js';

// The built command (`npm test` builds first), as `npm run migrate` runs it.
const MIGRATE = join(process.cwd(), 'dist/apps/api/src/migrate.js');

describe('npm run migrate', () => {
  let db: { name: string; url: string };
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => dropTestDatabase(db.name));

  it('applies every pending migration once', () => {
    const run = () =>
      spawnSync(process.execPath, [MIGRATE], {
        env: { PATH: process.env.PATH ?? '', DATABASE_URL: db.url, JWT_SECRET: 'x'.repeat(32) },
        encoding: 'utf8',
      });
    const first = run();
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^fachtag migrate: applied Migration0001Events, /);
    const again = run();
    expect(again.stdout).toBe('fachtag migrate: nothing to apply\n');
  });
});
