import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, startEmbeddedPostgres } from '@fachtag/database';
import { graphqlClient } from './lib/graphql-client.js';
import { fmt, runLoad, type LoadResult } from './lib/load.js';
import { pgbenchMinimal } from './lib/minimal-sql.js';
import { RawRegistrar } from './lib/raw-register.js';
import {
  AGENDA_QUERY,
  createBenchEvent,
  login,
  ORGANIZER,
  registerOne,
  type BenchEvent,
} from './lib/scenario.js';
import { startServer, type RunningServer } from './lib/server.js';
import { SmtpCounter } from './lib/smtp-counter.js';

// `npm run bench`: the production build against a real PostgreSQL (DATABASE_URL's
// server, else an embedded one) and a real SMTP sink. Prints a Markdown table.
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32);
const RUSH = Number(process.env.BENCH_REGISTRATIONS ?? 3000);
const READ_SECONDS = Number(process.env.BENCH_READ_SECONDS ?? 10);
const MAILS = 1000;
/** Comma-separated subset of rush,read,mail,growth (default: all). */
const SECTIONS = new Set((process.env.BENCH_SECTIONS ?? 'rush,read,mail,growth').split(','));
// one secret for every server start, so access tokens survive restarts
const JWT_SECRET = randomBytes(32).toString('hex');

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function adminUrl(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'fachtag-bench-pg-'));
  chmodSync(dir, 0o755);
  const db = await startEmbeddedPostgres({ dir, persistent: false });
  return { url: db.adminUrl, stop: db.stop };
}

async function createDatabase(admin: string): Promise<{ name: string; url: string }> {
  const name = `fachtag_bench_${randomBytes(4).toString('hex')}`;
  await withClient(admin, (c) => c.query(`create database ${name}`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

function serverEnv(
  databaseUrl: string,
  smtpUrl: string,
  port: number,
  extra: Record<string, string> = {},
) {
  return {
    NODE_ENV: 'production',
    JWT_SECRET,
    DATABASE_URL: databaseUrl,
    SMTP_URL: smtpUrl,
    PORT: String(port),
    DATA_DIR: mkdtempSync(join(tmpdir(), 'fachtag-bench-data-')),
    ORGANIZER_EMAIL: ORGANIZER.email,
    ORGANIZER_PASSWORD: ORGANIZER.password,
    RATE_LIMIT_REGISTER_PER_MINUTE: '0',
    RATE_LIMIT_LOGIN_PER_MINUTE: '0',
    RATE_LIMIT_TOKEN_PER_MINUTE: '0',
    LOG_LEVEL: 'warn',
    BENCH_ENDPOINTS: 'true',
    MAIL_POLL_SECONDS: '0.5',
    ...extra,
  };
}

/** Checks the database for overbooking: returns a description of each violation. */
async function overbooked(url: string): Promise<string[]> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ what: string }>(
      `select 'workshop ' || w.id as what from workshops w
         where w.seats_taken > w.capacity
            or w.seats_taken <> (select count(*) from registration_workshops rw
                                   join registrations r on r.id = rw.registration_id
                                  where rw.workshop_id = w.id and r.status = 'CONFIRMED')
       union all
       select 'event ' || e.id from events e
         where (e.capacity is not null and e.seats_taken > e.capacity)
            or e.seats_taken <> (select count(*) from registrations r
                                  where r.event_id = e.id and r.status = 'CONFIRMED')`,
    );
    return rows.map((r) => r.what);
  });
}

async function transactions(url: string, name: string): Promise<number> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ n: string }>(
      `select xact_commit + xact_rollback as n from pg_stat_database where datname = $1`,
      [name],
    );
    return Number(rows[0].n);
  });
}

interface Row {
  section: string;
  measure: string;
  value: string;
  target?: string;
}

const rows: Row[] = [];
const row = (section: string, measure: string, value: string, target?: string) =>
  rows.push({ section, measure, value, target });
const loadLine = (r: LoadResult) =>
  `${fmt(r.perSecond)} /s, p50 ${fmt(r.p50)} ms, p99 ${fmt(r.p99)} ms (${r.requests} requests, ${r.errors} errors)`;

async function registrationRush(
  base: string,
  db: { name: string; url: string },
  sink: SmtpCounter,
  event: BenchEvent,
  start: (extra?: Record<string, string>) => Promise<RunningServer>,
) {
  log(`registration rush: ${RUSH} registrations from ${CLIENTS} clients`);
  const api = await runLoad({ concurrency: CLIENTS, total: RUSH }, (i) =>
    registerOne(base, event, i, 'rush'),
  );
  const mailSeconds = await sink.until(RUSH, 300);
  await new Promise((r) => setTimeout(r, 1000)); // a duplicate would arrive now
  const mailsAfterRush = sink.count;
  const problems = await overbooked(db.url);
  const confirmed = await withClient(db.url, async (c) =>
    Number(
      (await c.query(`select count(*) as n from registrations where status = 'CONFIRMED'`)).rows[0]
        .n,
    ),
  );
  log('raw SQL: the same transaction through pg');
  const raw = new RawRegistrar(db.url, CLIENTS);
  await raw.start();
  const rawResult = await runLoad({ concurrency: CLIENTS, total: RUSH }, (i) =>
    raw.register(event, i, 'raw'),
  );
  await raw.close();
  log('minimal SQL: pgbench, seat updates, registration, choices and mail job');
  const minimal = await pgbenchMinimal(db.url, event, CLIENTS, RUSH);
  log('two API processes (RUN_WORKER=false), clients split across both');
  const apis = await Promise.all(
    [0, 1].map(async () => start({ PORT: String(await freePort()), RUN_WORKER: 'false' })),
  );
  const mailsBefore = sink.count;
  let two: LoadResult;
  try {
    two = await runLoad({ concurrency: CLIENTS, total: RUSH }, (i) =>
      registerOne(apis[i % 2].baseUrl, event, i, 'two'),
    );
  } finally {
    await Promise.all(apis.map((a) => a.stop()));
  }
  // the first server's worker sends their mails
  const twoMailSeconds = await sink.until(mailsBefore + RUSH, 300);
  await new Promise((r) => setTimeout(r, 1000));
  const twoMails = sink.count - mailsBefore;
  const twoProblems = await overbooked(db.url);
  row('1 registration rush', 'GraphQL `register`', loadLine(api), 'p99 < 150 ms');
  row(
    '1 registration rush',
    'the former transaction (7 statements), raw `pg`',
    loadLine(rawResult),
  );
  row('1 registration rush', 'minimal SQL of a registration, `pgbench`', loadLine(minimal));
  row(
    '1 registration rush',
    'ratio GraphQL / raw `pg`',
    fmt(api.perSecond / rawResult.perSecond, 2),
  );
  row(
    '1 registration rush',
    'ratio GraphQL / minimal SQL',
    fmt(api.perSecond / minimal.perSecond, 2),
    '≥ 0.5',
  );
  row(
    '1 registration rush',
    'GraphQL `register`, two API processes',
    loadLine(two),
    'p99 < 150 ms',
  );
  row(
    '1 registration rush',
    'ratio two API processes / minimal SQL',
    fmt(two.perSecond / minimal.perSecond, 2),
    '≥ 0.5',
  );
  row(
    '1 registration rush',
    'two API processes: overbooked; registrations / mails',
    `${twoProblems.length ? twoProblems.join(', ') : '0'}; ${RUSH - two.errors} / ${twoMails} (in ${fmt(twoMailSeconds)} s)`,
    '0; equal',
  );
  row(
    '1 registration rush',
    'overbooked workshops or events',
    problems.length ? problems.join(', ') : '0',
    '0',
  );
  row(
    '1 registration rush',
    'confirmed registrations / mails received',
    `${confirmed} / ${mailsAfterRush} (all mails in ${fmt(mailSeconds)} s after the rush)`,
    'equal',
  );
}

async function agendaRead(
  server: RunningServer,
  db: { name: string; url: string },
  event: BenchEvent,
  label: string,
  restart: () => Promise<RunningServer>,
) {
  const body = JSON.stringify({ query: AGENDA_QUERY, variables: { slug: event.slug } });
  const post = (path: string) => () =>
    fetch(`${server.baseUrl}${path}`, {
      method: path === '/graphql' ? 'POST' : 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    }).then(async (r) => {
      await r.arrayBuffer();
      return r.ok;
    });
  const json = await (
    await fetch(`${server.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    })
  ).text();
  await fetch(`${server.baseUrl}/bench/static`, { method: 'PUT', body: json });
  await runLoad({ concurrency: CLIENTS, seconds: 2 }, post('/graphql')); // warm-up
  log(`agenda read ${label}: ${READ_SECONDS} s`);
  const graphql = await runLoad({ concurrency: CLIENTS, seconds: READ_SECONDS }, post('/graphql'));
  const bare = await runLoad(
    { concurrency: CLIENTS, seconds: READ_SECONDS },
    post('/bench/static'),
  );
  // backends flush their statistics when they exit: count the statements after a restart
  await server.stop();
  const t0 = await transactions(db.url, db.name);
  const counted = await restart();
  const idle = await transactions(db.url, db.name);
  const sample = 500;
  const counting = await runLoad({ concurrency: 4, total: sample }, () =>
    fetch(`${counted.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    }).then((r) => r.ok),
  );
  await counted.stop();
  const t1 = await transactions(db.url, db.name);
  void t0;
  const perRequest = (t1 - idle) / counting.requests;
  return { graphql, bare, perRequest };
}

async function registrationsPage(base: string, token: string, event: BenchEvent) {
  const gql = graphqlClient(base);
  const query = `query ($id: ID!, $after: String) { registrations(eventId: $id, first: 50, after: $after) {
    totalCount pageInfo { endCursor } edges { node { id status firstName lastName email workshops { number } } } } }`;
  const first = await gql<{ registrations: { pageInfo: { endCursor: string } } }>(
    query,
    { id: event.id },
    token,
  );
  const after = first.registrations.pageInfo.endCursor;
  return runLoad({ concurrency: 8, seconds: Math.max(3, READ_SECONDS / 2) }, async () => {
    await gql(query, { id: event.id, after }, token);
    return true;
  });
}

/** Adds `n` confirmed registrations to the event directly in SQL (fast, for the growth test). */
async function bulkRegistrations(url: string, event: BenchEvent, n: number, tag: string) {
  await withClient(url, async (c) => {
    await c.query('begin');
    await c.query(
      `insert into registrations (id, event_id, status, first_name, last_name, email, email_normalized,
          privacy_consent_at, manage_token_hash, calendar_token, created_at, updated_at, mail_status)
       select gen_random_uuid(), $1, 'CONFIRMED', 'Bulk', 'No ' || g, $2 || g || '@bench.example',
              $2 || g || '@bench.example', now(), md5($2 || g), md5('c' || $2 || g),
              now() - (g || ' milliseconds')::interval, now(), 'SENT'
         from generate_series(1, $3) g`,
      [event.id, tag, n],
    );
    for (const ws of event.phases) {
      // spread over the phase's workshops, as real choices would be
      await c.query(
        `insert into registration_workshops (registration_id, phase_id, workshop_id)
         select r.id, w.phase_id, w.id
           from (select id, row_number() over (order by id) as n from registrations
                  where event_id = $1 and email like $2) r
           join workshops w on w.id = ($3::uuid[])[1 + (r.n % 5)]`,
        [event.id, `${tag}%`, ws],
      );
    }
    await c.query(
      `update workshops w set seats_taken = (select count(*) from registration_workshops rw
          join registrations r on r.id = rw.registration_id
         where rw.workshop_id = w.id and r.status = 'CONFIRMED') where w.event_id = $1`,
      [event.id],
    );
    await c.query(`update events set seats_taken = seats_taken + $2 where id = $1`, [event.id, n]);
    await c.query('commit');
    await c.query('analyze');
  });
}

interface Context {
  admin: string;
  db: { name: string; url: string };
  sink: SmtpCounter;
  port: number;
  token: string;
  event: BenchEvent;
  start: (extra?: Record<string, string>) => Promise<RunningServer>;
}

async function readSection(ctx: Context, server: RunningServer): Promise<void> {
  const read = await agendaRead(server, ctx.db, ctx.event, 'after the rush', () =>
    ctx.start({ RUN_WORKER: 'false' }),
  );
  row('2 agenda read', '`event(slug)` with agenda, workshops, capacity', loadLine(read.graphql));
  row('2 agenda read', 'same JSON from memory (`/bench/static`)', loadLine(read.bare));
  row(
    '2 agenda read',
    'ratio GraphQL / in-memory',
    fmt(read.graphql.perSecond / read.bare.perSecond, 2),
    '≥ 0.5',
  );
  row('2 agenda read', 'SQL statements per request', fmt(read.perRequest, 2), 'bounded');
}

async function mailSection(ctx: Context): Promise<void> {
  log(`mail pipeline: ${MAILS} registrations with the worker stopped, then a worker`);
  const server = await ctx.start({ RUN_WORKER: 'false' });
  try {
    const mailEvent = await createBenchEvent(server.baseUrl, ctx.token);
    const before = ctx.sink.count;
    await runLoad({ concurrency: CLIENTS, total: MAILS }, (i) =>
      registerOne(server.baseUrl, mailEvent, i, 'mail'),
    );
    const worker = await startServer(
      { ...serverEnv(ctx.db.url, ctx.sink.url, 0), PORT: '' },
      'dist/apps/worker/src/main.js',
    );
    const mailSeconds = await ctx.sink.until(before + MAILS, 120);
    await worker.stop();
    row(
      '3 mail pipeline',
      `${MAILS} committed registrations → ${MAILS} mails in the SMTP sink`,
      `${fmt(mailSeconds)} s (${fmt(MAILS / mailSeconds)} mails/s)`,
      '< 30 s',
    );
  } finally {
    await server.stop();
  }
}

async function growthSection(ctx: Context): Promise<void> {
  log('growth: 1 000 and 100 000 registrations');
  const growthDb = await createDatabase(ctx.admin);
  const growthStart = () =>
    startServer(serverEnv(growthDb.url, ctx.sink.url, ctx.port, { RUN_WORKER: 'false' }));
  let server = await growthStart();
  try {
    const growthEvent = await createBenchEvent(server.baseUrl, await login(server.baseUrl));
    const results: Record<string, { agenda: LoadResult; page: LoadResult }> = {};
    for (const [label, add] of [
      ['1 000', 1000],
      ['100 000', 99_000],
    ] as const) {
      await bulkRegistrations(growthDb.url, growthEvent, add, `g${add}-`);
      const agenda = await agendaRead(server, growthDb, growthEvent, `with ${label}`, growthStart);
      server = await growthStart();
      const page = await registrationsPage(
        server.baseUrl,
        await login(server.baseUrl),
        growthEvent,
      );
      results[label] = { agenda: agenda.graphql, page };
      row('4 growth', `agenda read, ${label} registrations`, loadLine(agenda.graphql));
      row('4 growth', `\`registrations\` page (50), ${label} registrations`, loadLine(page));
    }
    const g = (k: 'agenda' | 'page') => results['100 000'][k].p99 / results['1 000'][k].p99;
    row(
      '4 growth',
      'p99 ratio 100 000 / 1 000: agenda, registrations page',
      `${fmt(g('agenda'), 2)}, ${fmt(g('page'), 2)}`,
      '≤ 1.5',
    );
  } finally {
    await server.stop();
    await withClient(ctx.admin, (c) => c.query(`drop database ${growthDb.name} with (force)`));
  }
}

async function main(): Promise<void> {
  const admin = await adminUrl();
  const sink = await new SmtpCounter().start();
  const db = await createDatabase(admin.url);
  const port = await freePort();
  const start = (extra: Record<string, string> = {}) =>
    startServer(serverEnv(db.url, sink.url, port, extra));
  const server = await start();
  try {
    const token = await login(server.baseUrl);
    const event = await createBenchEvent(server.baseUrl, token);
    const ctx: Context = { admin: admin.url, db, sink, port, token, event, start };
    if (SECTIONS.has('rush')) await registrationRush(server.baseUrl, db, sink, event, start);
    // the read section restarts the server to count statements, and leaves it stopped
    if (SECTIONS.has('read')) await readSection(ctx, server);
    else await server.stop();
    if (SECTIONS.has('mail')) await mailSection(ctx);
    if (SECTIONS.has('growth')) await growthSection(ctx);
  } finally {
    await server.stop().catch(() => undefined);
    await sink.stop();
    await withClient(admin.url, (c) =>
      c.query(`drop database if exists ${db.name} with (force)`),
    ).catch(() => undefined);
    await admin.stop();
  }
  printTable();
}

function printTable(): void {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`\nFachtag benchmark — ${new Date().toISOString()}`);
  console.log(
    `machine: ${cpus().length} × ${cpu}, ${fmt(totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}, ${CLIENTS} clients\n`,
  );
  console.log('| section | measure | result | target |');
  console.log('| --- | --- | --- | --- |');
  for (const r of rows)
    console.log(`| ${r.section} | ${r.measure} | ${r.value} | ${r.target ?? ''} |`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
