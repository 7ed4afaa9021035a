import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, startEmbeddedPostgres } from '@fachtag/database';
import { runLoad, fmt } from './lib/load.js';
import { createBenchEvent, login, ORGANIZER, registerOne } from './lib/scenario.js';
import { startServer } from './lib/server.js';

// `npm run bench:exports`: the production build, a Transferforum-shaped event with
// REGISTRATIONS participants (registered through GraphQL), then every download of
// the organizers' lists through HTTP, each timed end to end (request to last
// byte) over ROUNDS rounds. Issue 13's yardstick: XLSX and the sign-in sheet of a
// 500-registration event in under 5 s each.
const REGISTRATIONS = Number(process.env.BENCH_EXPORT_REGISTRATIONS ?? 500);
const ROUNDS = Number(process.env.BENCH_EXPORT_ROUNDS ?? 3);
const FILES = [
  'registrations.csv',
  'registrations.xlsx',
  'sign-in-sheet.pdf',
  'room-lists.pdf',
  'badges.pdf',
];

const log = (line: string) => process.stderr.write(`exports: ${line}\n`);

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  let stopPostgres = async () => {};
  let admin = process.env.DATABASE_URL;
  if (!admin) {
    const dir = mkdtempSync(join(tmpdir(), 'fachtag-bench-pg-'));
    chmodSync(dir, 0o755);
    const db = await startEmbeddedPostgres({ dir, persistent: false });
    admin = db.adminUrl;
    stopPostgres = db.stop;
  }
  const name = `fachtag_bench_${randomBytes(4).toString('hex')}`;
  await withClient(admin, (c) => c.query(`create database ${name}`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const server = await startServer({
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(32).toString('hex'),
    DATABASE_URL: url.toString(),
    PORT: String(await freePort()),
    DATA_DIR: mkdtempSync(join(tmpdir(), 'fachtag-bench-data-')),
    ORGANIZER_EMAIL: ORGANIZER.email,
    ORGANIZER_PASSWORD: ORGANIZER.password,
    RATE_LIMIT_REGISTER_PER_MINUTE: '0',
    RATE_LIMIT_LOGIN_PER_MINUTE: '0',
    RUN_WORKER: 'false',
    LOG_LEVEL: 'warn',
  });
  const rows: string[] = [];
  try {
    const base = server.baseUrl;
    const token = await login(base);
    const event = await createBenchEvent(base, token);
    log(`registering ${REGISTRATIONS} participants`);
    const load = await runLoad({ concurrency: 4, total: REGISTRATIONS }, (i) =>
      registerOne(base, event, i, 'export'),
    );
    if (load.errors > 0) throw new Error(`${load.errors} registrations were refused`);
    for (const file of FILES) {
      const times: number[] = [];
      let bytes = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const start = performance.now();
        const res = await fetch(`${base}/exports/events/${event.id}/${file}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        const body = Buffer.from(await res.arrayBuffer());
        times.push(performance.now() - start);
        if (res.status !== 200) throw new Error(`${file}: ${res.status} ${body.toString()}`);
        bytes = body.length;
      }
      times.sort((a, b) => a - b);
      rows.push(
        `| ${file} | ${fmt(times[0] / 1000, 2)} s | ${fmt(times[times.length - 1] / 1000, 2)} s | ${fmt(bytes / 1024, 0)} KiB |`,
      );
      log(`${file}: ${fmt(times[times.length - 1] / 1000, 2)} s`);
    }
  } finally {
    await server.stop();
    await withClient(admin, (c) => c.query(`drop database if exists ${name} with (force)`)).catch(
      () => undefined,
    );
    await stopPostgres();
  }
  console.log(`\nFachtag exports — ${new Date().toISOString()}`);
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; ` +
      `${REGISTRATIONS} registrations, ${ROUNDS} rounds, target < 5 s for XLSX and the sign-in sheet\n`,
  );
  console.log('| download | fastest | slowest | size |');
  console.log('| --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
