import {
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { PgBoss } from 'pg-boss';
import { APP_CONFIG, type AppConfig } from '@fachtag/config';
import { DATABASE_URL, sqlExecutor, type SqlExecutor } from '@fachtag/database';
import type { MailJob, MailJobKind } from './mail-job.js';

export const MAIL_QUEUE = 'mail';

/** Mails about changes, which wait a little so that quick successive changes make one mail. */
const COALESCED_KINDS: ReadonlySet<MailJobKind> = new Set([
  'registration.changed',
  'agenda.changed',
]);

/**
 * The one way to make a mail job's payload (GUIDE: every path that inserts mail
 * jobs, SQL included, goes through it). It copies the fields a job may carry and
 * nothing else: whatever a caller passes besides (a manage token, a participant's
 * data) never reaches pg-boss' job table, which keeps jobs for an hour after they
 * were sent.
 */
export function mailJobPayload(job: MailJob): MailJob {
  const payload: MailJob = { kind: job.kind, registrationId: job.registrationId };
  if (job.byOrganizer !== undefined) payload.byOrganizer = job.byOrganizer;
  if (job.droppedWorkshopIds !== undefined) {
    payload.droppedWorkshopIds = job.droppedWorkshopIds.map(String);
  }
  if (job.reason !== undefined) payload.reason = job.reason;
  if (job.wishedWorkshopIds !== undefined) {
    payload.wishedWorkshopIds = job.wishedWorkshopIds.map(String);
  }
  return payload;
}

/**
 * The durable mail queue (pg-boss tables in the same PostgreSQL). `enqueue`
 * writes the job row inside the caller's transaction: a change that commits
 * always has its mail, one that rolls back has none.
 */
@Injectable()
export class MailQueue implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(MailQueue.name);
  readonly boss: PgBoss;

  constructor(
    @Inject(DATABASE_URL) databaseUrl: string,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.boss = new PgBoss({ connectionString: databaseUrl, max: 4, schema: 'pgboss' });
    this.boss.on('error', (error: Error) => this.logger.error(`mail queue: ${error.message}`));
  }

  async onModuleInit(): Promise<void> {
    await this.boss.start();
    // Temporary SMTP failures are retried with growing delays for more than a day:
    // 30 s doubling per try, capped at 4 h: 16 tries span about 37 h.
    const options = {
      retryLimit: 16,
      retryDelay: this.config.mailRetryDelaySeconds,
      retryBackoff: true,
      retryDelayMax: 4 * 3600,
      expireInSeconds: 120,
      retentionSeconds: 14 * 24 * 3600,
      // Completed jobs hold no secret (see mailJobPayload); an hour is enough to look into one.
      deleteAfterSeconds: 3600,
    };
    // createQueue keeps an existing queue as it is; updateQueue applies changed settings.
    await this.boss.createQueue(MAIL_QUEUE, options);
    const { retryDelayMax: _fixedAtCreation, ...updatable } = options;
    await this.boss.updateQueue(MAIL_QUEUE, updatable);
  }

  async onModuleDestroy(): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: 10_000 });
  }

  /**
   * pg-boss's own statement that inserts `job` (its text and its one parameter),
   * for a database function that writes the job with other rows in one call
   * (`seating_register`, `seating_change`). The same payload, queue settings and
   * delay as {@link enqueue}.
   */
  async jobStatement(job: MailJob): Promise<{ text: string; param: string }> {
    let statement: { text: string; param: string } | undefined;
    const recorder: SqlExecutor = {
      executeSql: async (text, values = []) => {
        if (values.length !== 1 || typeof values[0] !== 'string')
          throw new Error('pg-boss changed its job insert: expected one JSON parameter');
        statement = { text, param: values[0] };
        return { rows: [{ id: job.registrationId }] };
      },
    };
    await this.boss.send(MAIL_QUEUE, mailJobPayload(job), { db: recorder, ...this.delay(job) });
    if (!statement) throw new Error('pg-boss built no job insert');
    return statement;
  }

  /**
   * A job statement whose payload a database function completes: `seating_fill_job`
   * (migration 0010) sets the values of fields `job` already has (the registration
   * id of each promotion, the workshops a cancellation dropped), so the fields
   * themselves still come from {@link mailJobPayload}. Checks that pg-boss still
   * passes its jobs as a JSON array of one object with the payload as `data`.
   */
  async jobTemplate(job: MailJob): Promise<{ text: string; param: string }> {
    const statement = await this.jobStatement(job);
    const jobs = JSON.parse(statement.param) as { data?: unknown }[];
    if (
      !Array.isArray(jobs) ||
      jobs.length !== 1 ||
      JSON.stringify(jobs[0].data) !== JSON.stringify(mailJobPayload(job))
    )
      throw new Error('pg-boss changed its job insert: expected [{ data: payload }]');
    return statement;
  }

  /**
   * Adds mail jobs in `em`'s current transaction (call inside `em.transactional`).
   * Change mails wait `MAIL_CHANGE_DELAY_SECONDS`: changes made in quick
   * succession reach the participant as one mail, since the first of their jobs
   * to run tells all of them and the others find nothing left (`mail_changes`).
   */
  async enqueue(em: EntityManager, ...jobs: MailJob[]): Promise<void> {
    const db = sqlExecutor(em);
    for (const job of jobs) {
      await this.boss.send(MAIL_QUEUE, mailJobPayload(job), { db, ...this.delay(job) });
    }
  }

  private delay(job: MailJob): { startAfter?: number } {
    const delay = COALESCED_KINDS.has(job.kind) ? this.config.mailChangeDelaySeconds : 0;
    return delay > 0 ? { startAfter: delay } : {};
  }
}
