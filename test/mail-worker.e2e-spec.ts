import { mkdtempSync } from 'node:fs';
import { ENTITIES } from '../apps/worker/src/entities.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MikroORM } from '@mikro-orm/core';
import type { JobWithMetadata } from 'pg-boss';
import { ConfigModule, loadConfig, type AppConfig } from '@fachtag/config';
import { DatabaseUrlModule, databaseModule, sql } from '@fachtag/database';
import {
  MAIL_COMPOSER,
  MAIL_TRANSPORT,
  MailModule,
  MailQueue,
  MailWorker,
  createMailTransport,
  type MailComposer,
  type MailJob,
  type MailOutcome,
} from '@fachtag/mail';
import { createTestDatabase, dropTestDatabase, SmtpSink, closeAll } from './harness/index.js';

/**
 * Composes a trivial mail per job and remembers every recorded outcome. While
 * `gate` is set, composing waits for it: the test decides how many jobs are in
 * flight, not the scheduler.
 */
class FakeComposer implements MailComposer {
  readonly outcomes: Array<{ id: string; outcome: MailOutcome }> = [];
  readonly composing: string[] = [];
  gate: Promise<void> | undefined;
  async compose(job: MailJob) {
    this.composing.push(job.registrationId);
    if (this.gate) await this.gate;
    return {
      from: 'Fachtag <noreply@fachtag.test>',
      to: `${job.registrationId}@example.org`,
      subject: `mail for ${job.registrationId}`,
      text: 'hello',
    };
  }
  record(job: MailJob, outcome: MailOutcome) {
    this.outcomes.push({ id: job.registrationId, outcome });
    return Promise.resolve();
  }
}

describe('the mail worker', () => {
  const sink = new SmtpSink();
  const composer = new FakeComposer();
  let db: { name: string; url: string };
  let config: AppConfig;
  let ctx: INestApplicationContext | undefined;

  async function boot(runWorker = true): Promise<INestApplicationContext> {
    @Module({
      imports: [
        ConfigModule.forRoot({ ...config, runWorker }),
        DatabaseUrlModule.forRoot(db.url),
        databaseModule(db.url, { entities: ENTITIES }),
        MailModule,
      ],
      providers: [
        MailWorker,
        { provide: MAIL_COMPOSER, useValue: composer },
        {
          provide: MAIL_TRANSPORT,
          useFactory: () => createMailTransport(sink.url, config.dataDir),
        },
      ],
    })
    class WorkerTestModule {}
    ctx = await NestFactory.createApplicationContext(WorkerTestModule, { logger: false });
    return ctx;
  }

  const enqueue = (app: INestApplicationContext, ...ids: string[]) =>
    app
      .get(MikroORM)
      .em.fork()
      .transactional(async (em) => {
        for (const id of ids) {
          await app
            .get(MailQueue)
            .enqueue(em, { kind: 'registration.confirmed', registrationId: id });
        }
      });

  /** Polls for a state; fails loudly when it never comes (a bound, not a measurement). */
  const until = async (condition: () => boolean, what = 'a condition') => {
    for (let i = 0; i < 400 && !condition(); i++) await new Promise((r) => setTimeout(r, 100));
    if (!condition()) throw new Error(`timed out waiting for ${what}`);
  };

  /**
   * pg-boss' state of the job of each id once none is created or active any more:
   * 'completed' and 'failed' jobs are never fetched again, 'retry' ones are.
   */
  const settledStates = async (app: INestApplicationContext, ...ids: string[]) => {
    for (let i = 0; ; i++) {
      const rows = await sql<{ id: string; state: string }>(
        app.get(MikroORM).em.fork(),
        `select data->>'registrationId' as id, state from pgboss.job
          where name = 'mail' and data->>'registrationId' = any($1) order by 1`,
        [ids],
      );
      const busy = rows.some((r) => r.state === 'created' || r.state === 'active');
      if (!busy || i >= 300) return Object.fromEntries(rows.map((r) => [r.id, r.state]));
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  const subjects = () => sink.received.map((m) => m.raw.toString().match(/^Subject: (.*)$/m)?.[1]);

  beforeAll(async () => {
    await sink.start();
    db = await createTestDatabase();
    config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'fachtag-mail-')),
      JWT_SECRET: 'x'.repeat(32),
      DATABASE_URL: db.url,
      SMTP_URL: sink.url,
      MAIL_RETRY_DELAY_SECONDS: '1',
      MAIL_POLL_SECONDS: '0.5',
    });
  });
  afterEach(async () => {
    await ctx?.close();
    ctx = undefined;
    sink.received.length = 0;
    composer.outcomes.length = 0;
  });
  afterAll(() =>
    closeAll(
      () => sink.stop(),
      () => db && dropTestDatabase(db.name),
    ),
  );

  it('sends each committed job once, with a stable Message-ID per job', async () => {
    const app = await boot();
    await enqueue(app, 'a', 'b');
    const mails = await sink.waitFor(2);
    expect(subjects().sort()).toEqual(['mail for a', 'mail for b']);
    for (const mail of mails) {
      expect(mail.raw.toString()).toMatch(/^Message-ID: <[0-9a-f-]{36}@fachtag\.localhost>/m);
    }
    // Both jobs are done for good in pg-boss, which fetches only created and retry jobs ...
    expect(await settledStates(app, 'a', 'b')).toEqual({ a: 'completed', b: 'completed' });
    // ... and a positive control: a later job arrives, and nothing else came before it.
    await enqueue(app, 'c');
    await sink.waitFor(3);
    expect(subjects().sort()).toEqual(['mail for a', 'mail for b', 'mail for c']);
  });

  it('retries a 451 reply and records a 550 without retrying', async () => {
    const app = await boot();
    sink.failNext(451, 1, 'try again later');
    await enqueue(app, 'temporary');
    await sink.waitFor(1, 30_000);
    expect(subjects()).toEqual(['mail for temporary']);
    await until(() => composer.outcomes.length === 2);
    expect(composer.outcomes.map((o) => o.outcome.status)).toEqual(['RETRYING', 'SENT']);

    sink.received.length = 0;
    composer.outcomes.length = 0;
    sink.failNext(550, 1, 'mailbox unavailable');
    await enqueue(app, 'permanent');
    await until(() => composer.outcomes.length > 0, 'the 550 outcome');
    // Failed for good: no retry is scheduled (a retry would be in state 'retry') ...
    expect(await settledStates(app, 'permanent')).toEqual({ permanent: 'failed' });
    // ... and a positive control: a later job is sent, with nothing of 'permanent' before it.
    await enqueue(app, 'control');
    await sink.waitFor(1);
    await until(() => composer.outcomes.length === 2, 'the control outcome');
    expect(composer.outcomes).toEqual([
      { id: 'permanent', outcome: { status: 'FAILED', detail: expect.stringMatching(/^550 /) } },
      { id: 'control', outcome: { status: 'SENT' } },
    ]);
    expect(subjects()).toEqual(['mail for control']);
  });

  it('keeps mails while SMTP refuses connections and delivers them once it is back', async () => {
    const port = sink.port;
    await sink.stop();
    const app = await boot();
    await enqueue(app, 'outage-1', 'outage-2');
    await until(() => composer.outcomes.some((o) => o.outcome.status === 'RETRYING'));
    expect(composer.outcomes.some((o) => o.outcome.status === 'RETRYING')).toBe(true);
    await sink.start(port);
    await sink.waitFor(2, 40_000);
    expect(subjects().sort()).toEqual(['mail for outage-1', 'mail for outage-2']);
  });

  it('records FAILED when the last retry fails too', async () => {
    const port = sink.port;
    await sink.stop();
    try {
      const app = await boot(false);
      const job = {
        id: '00000000-0000-4000-8000-00000000abcd',
        name: 'mail',
        data: { kind: 'registration.confirmed', registrationId: 'last-try' },
        retryCount: 16,
        retryLimit: 16,
      } as unknown as JobWithMetadata<MailJob>;
      const result = await app.get(MailWorker).deliver(job);
      expect(result.status).toBe('deadletter');
      expect(composer.outcomes).toEqual([
        {
          id: 'last-try',
          outcome: { status: 'FAILED', detail: expect.stringMatching(/^gave up after 17 tries: /) },
        },
      ]);
    } finally {
      await sink.start(port);
    }
  });

  it('loses nothing when the worker stops mid-queue and starts again', async () => {
    let app = await boot(false);
    await enqueue(app, ...Array.from({ length: 30 }, (_, i) => `r${i}`));
    // One batch (batchSize 10) held in flight while the worker stops: controlled, not timed.
    let release!: () => void;
    composer.gate = new Promise<void>((resolve) => (release = resolve));
    composer.composing.length = 0;
    await app.get(MailWorker).start();
    await until(() => composer.composing.length === 10, 'the first batch in flight');
    const closing = app.close(); // graceful: active jobs finish, the rest stay queued
    release();
    await closing;
    composer.gate = undefined;
    ctx = undefined;
    expect(sink.received).toHaveLength(10);
    app = await boot();
    await sink.waitFor(30, 40_000);
    const unique = new Set(subjects());
    expect(unique.size).toBe(30);
    expect(sink.received).toHaveLength(30);
  });
});
