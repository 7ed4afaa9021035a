import { createHash, randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { PgBoss } from 'pg-boss';
import { mailJobPayload } from '@fachtag/mail';
import type { BenchEvent } from './scenario.js';

export const RAW_QUEUE = 'bench-raw';

/**
 * The register mutation's transaction, statement for statement, through a raw
 * `pg` client: event row lock, workshop read, event seat, insert, workshop
 * seats, choices, the pg-boss job. What the
 * server adds on top (HTTP, GraphQL, validation, ORM, reading the result back)
 * is what the ratio measures.
 */
export class RawRegistrar {
  private readonly pool: pg.Pool;
  private readonly boss: PgBoss;

  constructor(databaseUrl: string, connections: number) {
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: connections });
    this.boss = new PgBoss({
      connectionString: databaseUrl,
      supervise: false,
      schedule: false,
      migrate: false,
    });
  }

  async start(): Promise<void> {
    await this.boss.start();
    await this.boss.createQueue(RAW_QUEUE);
  }

  async register(event: BenchEvent, i: number, tag: string): Promise<boolean> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      await client.query(
        `select id, status, capacity, seats_taken, waitlist_enabled,
                (extract(epoch from registration_opens_at) * 1000)::bigint as opens_ms,
                (extract(epoch from registration_closes_at) * 1000)::bigint as closes_ms,
                (extract(epoch from updated_at) * 1000)::bigint as updated_ms
           from events where id = $1 for no key update`,
        [event.id],
      );
      const workshops = await client.query<{ id: string; phase_id: string }>(
        `select w.id, w.phase_id, a.title as phase_title, w.number, w.capacity, w.seats_taken
           from workshops w join agenda_items a on a.id = w.phase_id
          where w.event_id = $1 order by a.starts_at, a.id, w.number`,
        [event.id],
      );
      const email = `${tag}-${i}@bench.example`;
      await client.query(
        `update events set seats_taken = seats_taken + 1
          where id = $1 and (capacity is null or seats_taken < capacity) returning id`,
        [event.id],
      );
      const id = randomUUID();
      await client.query(
        `insert into registrations (id, event_id, status, first_name, last_name, email,
            email_normalized, organization, job_title, accessibility_needs, dietary_needs,
            privacy_consent_at, manage_token_hash, calendar_token, waitlist_position, created_at, updated_at)
         values ($1, $2, 'CONFIRMED', 'Bench', $3, $4, $4, null, null, null, null, now(), $5, $6, null,
            date_trunc('milliseconds', clock_timestamp()), date_trunc('milliseconds', clock_timestamp()))
         on conflict (event_id, email_normalized) where status <> 'CANCELLED' do nothing returning id`,
        [
          id,
          event.id,
          `No ${i}`,
          email,
          createHash('sha256').update(randomBytes(16)).digest('hex'),
          randomBytes(16).toString('base64url'),
        ],
      );
      const chosen = event.phases.map((ws) => ws[i % ws.length]);
      await client.query(
        `update workshops set seats_taken = seats_taken + 1
          where id = any($1::uuid[]) and seats_taken < capacity returning id`,
        [chosen],
      );
      const phaseOf = new Map(workshops.rows.map((w) => [w.id, w.phase_id]));
      await client.query(
        `insert into registration_workshops (registration_id, phase_id, workshop_id)
         select $1, unnest($2::uuid[]), unnest($3::uuid[])`,
        [id, chosen.map((w) => phaseOf.get(w)), chosen],
      );
      await this.boss.send(
        RAW_QUEUE,
        mailJobPayload({ kind: 'registration.confirmed', registrationId: id }),
        { db: { executeSql: (text, values) => client.query(text, values as unknown[]) } },
      );
      await client.query('commit');
      return true;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.boss.stop({ graceful: false });
    await this.pool.end();
  }
}
