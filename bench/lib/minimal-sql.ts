import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { PgBoss } from 'pg-boss';
import { quantile, type LoadResult } from './load.js';
import type { BenchEvent } from './scenario.js';

const run = promisify(execFile);

export const MINIMAL_QUEUE = 'bench-minimal';

/**
 * pg-boss's insert of one job for `queue`, with its JSON parameter replaced by
 * a SQL expression (pgbench sends no bind parameters of its own).
 */
async function jobInsertSql(databaseUrl: string, queue: string, jsonExpr: string): Promise<string> {
  const boss = new PgBoss({ connectionString: databaseUrl, supervise: false, schedule: false });
  await boss.start();
  try {
    await boss.createQueue(queue);
    let text = '';
    await boss.send(
      queue,
      { kind: 'registration.confirmed' },
      {
        db: {
          executeSql: async (sql: string) => {
            text = sql;
            return { rows: [{ id: 'x' }] };
          },
        },
      },
    );
    if (!text.includes('$1::text::json')) throw new Error('pg-boss changed its job insert');
    return text.replace('$1::text::json', `(${jsonExpr})::json`);
  } finally {
    await boss.stop({ graceful: false });
  }
}

/**
 * The minimal SQL of a registration, as pgbench runs it: the event seat and two
 * workshop seats by conditional UPDATE, the registration, its choices and a
 * mail job, in one transaction, statement by statement. The yardstick of the
 * registration rush: PostgreSQL's own speed on this machine.
 */
export async function pgbenchMinimal(
  databaseUrl: string,
  event: BenchEvent,
  clients: number,
  total: number,
): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'fachtag-pgbench-'));
  const job = await jobInsertSql(
    databaseUrl,
    MINIMAL_QUEUE,
    `json_build_array(json_build_object('data', json_build_object('kind', 'registration.confirmed', 'registrationId', currval('bench_minimal_seq'))))::text`,
  );
  const [w1, w2] = event.phases.map((ws) => ws[0]);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const phaseIds: string[] = [];
  try {
    await client.query('create sequence if not exists bench_minimal_seq');
    for (const w of [w1, w2]) {
      const { rows } = await client.query<{ phase_id: string }>(
        'select phase_id from workshops where id = $1',
        [w],
      );
      phaseIds.push(rows[0].phase_id);
    }
  } finally {
    await client.end();
  }
  const script = `
BEGIN;
UPDATE events SET seats_taken = seats_taken + 1
 WHERE id = '${event.id}' AND (capacity IS NULL OR seats_taken < capacity);
UPDATE workshops SET seats_taken = seats_taken + 1
 WHERE id IN ('${w1}', '${w2}') AND seats_taken < capacity;
WITH r AS (
  INSERT INTO registrations (id, event_id, status, first_name, last_name, email, email_normalized,
      privacy_consent_at, manage_token_hash, calendar_token, created_at, updated_at)
  VALUES (gen_random_uuid(), '${event.id}', 'CONFIRMED', 'Bench', 'pgbench',
      'pgbench-' || nextval('bench_minimal_seq') || '@bench.example',
      'pgbench-' || currval('bench_minimal_seq') || '@bench.example', now(),
      md5(random()::text) || md5(random()::text), md5(random()::text), now(), now())
  RETURNING id)
INSERT INTO registration_workshops (registration_id, phase_id, workshop_id)
SELECT r.id, c.phase_id, c.workshop_id FROM r,
  (VALUES ('${phaseIds[0]}'::uuid, '${w1}'::uuid), ('${phaseIds[1]}'::uuid, '${w2}'::uuid)) AS c(phase_id, workshop_id);
${job.trim()};
COMMIT;
`;
  writeFileSync(join(dir, 'register.sql'), script);
  const perClient = Math.max(1, Math.ceil(total / clients));
  const { stdout } = await run(
    'pgbench',
    [
      '-n',
      '-c',
      String(clients),
      '-j',
      '2',
      '-t',
      String(perClient),
      '-f',
      'register.sql',
      '-l',
      '--log-prefix=tx',
      databaseUrl,
    ],
    { cwd: dir, maxBuffer: 16 * 2 ** 20 },
  );
  const latencies: number[] = [];
  let errors = 0;
  for (const file of readdirSync(dir).filter((f) => f.startsWith('tx'))) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 3) continue;
      // client_id transaction_no time script_no time_epoch time_us; time in µs, or "failed"
      if (cols[2] === 'failed' || cols[2] === 'skipped') errors++;
      else latencies.push(Number(cols[2]) / 1000);
    }
  }
  rmSync(dir, { recursive: true, force: true });
  const tps = /tps = ([\d.]+)/.exec(stdout);
  latencies.sort((a, b) => a - b);
  const perSecond = tps ? Number(tps[1]) : 0;
  return {
    requests: latencies.length,
    errors,
    seconds: perSecond ? latencies.length / perSecond : 0,
    perSecond,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
  };
}
