import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, startEmbeddedPostgres } from '@fachtag/database';
import { graphqlClient } from './lib/graphql-client.js';
import { fmt, runLoad } from './lib/load.js';
import { login, ORGANIZER } from './lib/scenario.js';
import { startServer } from './lib/server.js';

// `npm run bench:cache-flood`: the production build, one large published agenda, and a
// flood of anonymous reads that each carry a different junk variable (and, in the
// second round, different valid variables and query texts). Prints the server's RSS
// and the read cache's byte count before and after. Issue 11, defect 1.
const WORKSHOPS = Number(process.env.BENCH_FLOOD_WORKSHOPS ?? 200);
const REQUESTS = Number(process.env.BENCH_FLOOD_REQUESTS ?? 200);
const CLIENTS = Number(process.env.BENCH_FLOOD_CLIENTS ?? 4);
/** Distinct query texts of the second round (× 2 values of a declared variable). */
const VARIANTS = 100;

const log = (line: string) => process.stderr.write(`cache-flood: ${line}\n`);
const MiB = (n: number) => `${fmt(n / 2 ** 20, 1)} MiB`;

interface Stats {
  bytes: number;
  entries: number;
  maxBytes: number;
  maxEntryBytes: number;
  rss: number;
  heapUsed: number;
  external: number;
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A description of `n` characters, with umlauts so that bytes and characters differ. */
function description(i: number, n = 10_000): string {
  const text = `Workshop ${i}: Übergänge gestalten, Schnittstellen klären, Beteiligung ermöglichen. `;
  return text.repeat(Math.ceil(n / text.length)).slice(0, n);
}

async function largeEvent(baseUrl: string, token: string): Promise<string> {
  const gql = graphqlClient(baseUrl);
  const date = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  const at = (hm: string) => `${date}T${hm}:00+02:00`;
  const slug = `flood-${randomUUID().slice(0, 8)}`;
  const { createEvent } = await gql<{ createEvent: { id: string } }>(
    `mutation ($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
    {
      input: {
        slug,
        title: 'Transferforum (großes Programm)',
        startsAt: at('09:00'),
        endsAt: at('16:30'),
        organizerName: 'Deutsche Kinder- und Jugendstiftung',
        registrationClosesAt: at('08:00'),
        venue: { name: 'KOMED', street: 'Im Mediapark 7', postalCode: '50670', city: 'Köln' },
        capacity: null,
      },
    },
    token,
  );
  const phases = [
    ['11:30', '13:00'],
    ['14:00', '15:45'],
  ];
  for (const [p, [start, end]] of phases.entries()) {
    const { addAgendaItem } = await gql<{ addAgendaItem: { id: string } }>(
      `mutation ($id: ID!, $input: AgendaItemInput!) { addAgendaItem(eventId: $id, input: $input) { id } }`,
      {
        id: createEvent.id,
        input: {
          kind: 'WORKSHOP_PHASE',
          title: `Arbeitsphase ${p + 1}`,
          startsAt: at(start),
          endsAt: at(end),
        },
      },
      token,
    );
    for (let i = 0; i < WORKSHOPS / phases.length; i++) {
      await gql(
        `mutation ($id: ID!, $input: WorkshopInput!) { addWorkshop(phaseId: $id, input: $input) { id } }`,
        {
          id: addAgendaItem.id,
          input: {
            title: `Workshop ${p + 1}.${i + 1}`,
            description: description(i),
            capacity: 1000,
            room: `Raum ${i + 1}`,
            hosts: [
              { name: 'Dagmar Bremer', affiliation: 'Stadt Magdeburg' },
              { name: 'Jürgen Weiß', affiliation: 'Landkreis Görlitz' },
            ],
          },
        },
        token,
      );
    }
  }
  await gql(`mutation ($id: ID!) { publishEvent(id: $id) { id } }`, { id: createEvent.id }, token);
  return slug;
}

/** The agenda query; `variant` adds an alias, so each variant is a different answer. */
const query = (variant: number) => `query Flood($slug: String!, $withHosts: Boolean!) {
  event(slug: $slug) {
    v${variant}: title id slug startsAt endsAt isRegistrationOpen seatsTaken seatsLeft capacityStatus
    agenda {
      id kind title startsAt endsAt room
      workshops {
        id number title subtitle description room capacity seatsTaken seatsLeft capacityStatus
        hosts @include(if: $withHosts) { name affiliation }
      }
    }
  }
}`;

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
  const port = await freePort();
  const server = await startServer({
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(32).toString('hex'),
    DATABASE_URL: url.toString(),
    PORT: String(port),
    DATA_DIR: mkdtempSync(join(tmpdir(), 'fachtag-bench-data-')),
    ORGANIZER_EMAIL: ORGANIZER.email,
    ORGANIZER_PASSWORD: ORGANIZER.password,
    RATE_LIMIT_REGISTER_PER_MINUTE: '0',
    RATE_LIMIT_LOGIN_PER_MINUTE: '0',
    RATE_LIMIT_TOKEN_PER_MINUTE: '0',
    RUN_WORKER: 'false',
    LOG_LEVEL: 'warn',
    BENCH_ENDPOINTS: 'true',
    ...(process.env.READ_CACHE_MAX_BYTES
      ? { READ_CACHE_MAX_BYTES: process.env.READ_CACHE_MAX_BYTES }
      : {}),
  });
  const lines: string[] = [];
  try {
    const base = server.baseUrl;
    const stats = async () => (await (await fetch(`${base}/bench/read-cache`)).json()) as Stats;
    log(`creating an agenda of ${WORKSHOPS} workshops`);
    const slug = await largeEvent(base, await login(base));
    const read = async (variant: number, withHosts: boolean, junk: string) => {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: query(variant),
          variables: { slug, withHosts, [`junk_${junk}`]: junk.repeat(32) },
        }),
      });
      const body = await res.text();
      if (!res.ok || body.includes('"errors"')) throw new Error(body.slice(0, 300));
      return body.length;
    };
    const answerBytes = Buffer.byteLength(
      await (
        await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: query(0), variables: { slug, withHosts: true } }),
        })
      ).text(),
    );
    await read(0, true, 'warm');
    const before = await stats();
    let peak = before.rss;
    const sampler = setInterval(() => {
      void stats()
        .then((s) => (peak = Math.max(peak, s.rss)))
        .catch(() => undefined);
    }, 200);

    log(`round 1: ${REQUESTS} reads of one answer, each with a different junk variable`);
    const junkOnly = await runLoad({ concurrency: CLIENTS, total: REQUESTS }, async (i) => {
      await read(0, true, `${i}-${randomUUID()}`);
      return true;
    });
    const afterJunk = await stats();

    log(`round 2: ${REQUESTS} reads of ${VARIANTS * 2} different answers, each with junk too`);
    const distinct = await runLoad({ concurrency: CLIENTS, total: REQUESTS }, async (i) => {
      await read(i % VARIANTS, i % (2 * VARIANTS) < VARIANTS, `${i}-${randomUUID()}`);
      return true;
    });
    clearInterval(sampler);
    const after = await stats();
    peak = Math.max(peak, after.rss);

    const row = (measure: string, value: string) => lines.push(`| ${measure} | ${value} |`);
    row('agenda answer (one entry)', `${MiB(answerBytes)} (${WORKSHOPS} workshops)`);
    row(
      'cache bound (READ_CACHE_MAX_BYTES), per entry',
      `${MiB(before.maxBytes)}, ${MiB(before.maxEntryBytes)}`,
    );
    row('server RSS before the flood (agenda cached)', MiB(before.rss));
    row(
      `round 1: ${REQUESTS} reads, same answer, junk variables`,
      `${junkOnly.requests} requests, ${junkOnly.errors} errors; cache ${afterJunk.entries} entries, ${MiB(afterJunk.bytes)}; RSS ${MiB(afterJunk.rss)}`,
    );
    row(
      `round 2: ${REQUESTS} reads, ${VARIANTS * 2} different answers, junk variables`,
      `${distinct.requests} requests, ${distinct.errors} errors; cache ${after.entries} entries, ${MiB(after.bytes)}`,
    );
    row('server RSS after the flood; peak during it', `${MiB(after.rss)}; ${MiB(peak)}`);
    row('heap used, external after the flood', `${MiB(after.heapUsed)}, ${MiB(after.external)}`);
    row(
      'unbounded, round 2 would have kept',
      `≈ ${MiB(answerBytes * Math.min(REQUESTS, VARIANTS * 2))} of answers`,
    );
  } finally {
    await server.stop();
    await withClient(admin, (c) => c.query(`drop database if exists ${name} with (force)`)).catch(
      () => undefined,
    );
    await stopPostgres();
  }
  console.log(`\nFachtag read-cache flood — ${new Date().toISOString()}`);
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, ${CLIENTS} clients\n`,
  );
  console.log('| measure | result |');
  console.log('| --- | --- |');
  for (const line of lines) console.log(line);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
