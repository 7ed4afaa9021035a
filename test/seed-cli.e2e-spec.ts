import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { verify } from '@node-rs/argon2';
import pg from 'pg';
import { createTestDatabase, dropTestDatabase, closeAll } from './harness/index.js';

// Runs the built CLI (`npm test` builds first), as `npm run seed` does.
const SEED = join(process.cwd(), 'dist/apps/api/src/seed.js');

function runSeed(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [SEED, ...args], {
      env: {
        PATH: process.env.PATH ?? '',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'fachtag-seed-')),
        LOG_LEVEL: 'warn',
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run seed', () => {
  let db: { name: string; url: string };
  let client: pg.Client;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() =>
    closeAll(
      () => client?.end(),
      () => db && dropTestDatabase(db.name),
    ),
  );

  it("migrates, sets up the organizer with the server's demo password, loads both editions once", async () => {
    const env = {
      DATABASE_URL: db.url,
      ORGANIZER_EMAIL: 'Demo <Seed@Test.example>',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'fachtag-seed-')),
    };
    const first = await runSeed(['--edition', 'both'], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const password = first.stdout.match(/organizer login: seed@test\.example \/ (\S+)\n/)?.[1];
    expect(password).toBeDefined();
    expect(first.stdout).toMatch(/2018 edition loaded: transferforum-koeln-2018\n/);
    expect(first.stdout).toMatch(/upcoming edition loaded: transferforum-koeln-20\d\d\n/);

    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const organizer = await client.query('select password_hash from organizers where email = $1', [
      'seed@test.example',
    ]);
    expect(organizer.rowCount).toBe(1);
    const admin = await client.query('select is_admin from organizers where email = $1', [
      'seed@test.example',
    ]);
    expect(admin.rows[0]).toEqual({ is_admin: true });
    expect(await verify(organizer.rows[0].password_hash as string, password!)).toBe(true);

    const again = await runSeed(['--edition=both'], env);
    expect(again.code).toBe(0);
    // the demo password is kept in the data directory: the same one the server will use
    expect(again.stdout).toContain(`organizer login: seed@test.example / ${password}`);
    expect(again.stdout).toContain('2018 edition already there, unchanged');
    const counts = await client.query(
      `select (select count(*) from events)::int as e, (select count(*) from workshops)::int as w`,
    );
    expect(counts.rows[0]).toEqual({ e: 2, w: 20 });
  });

  it('stops with one line on a bad --edition', async () => {
    const run = await runSeed(['--edition', '2019'], { DATABASE_URL: db.url });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^fachtag seed: --edition must be upcoming, 2018 or both, got '2019'.*\n$/,
    );
  });
});
