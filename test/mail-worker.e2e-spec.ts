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
import { DatabaseUrlModule, databaseModule } from '@fachtag/database';
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
import { createTestDatabase, dropTestDatabase, SmtpSink } from './harness/index.js';

/** Composes a trivial mail per job and remembers every recorded outcome. */
class FakeComposer implements MailComposer {
  readonly outcomes: Array<{ id: string; outcome: MailOutcome }> = [];
  compose(job: MailJob) {
    return Promise.resolve({
      from: 'Fachtag <noreply@fachtag.test>',
      to: `${job.registrationId}@example.org`,
      subject: `mail for ${job.registrationId}`,
      text: 'hello',
    });
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

  const until = async (condition: () => boolean) => {
    for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 100));
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
  afterAll(async () => {
    await sink.stop();
    await dropTestDatabase(db.name);
  });

  it('sends each committed job once, with a stable Message-ID per job', async () => {
    const app = await boot();
    await enqueue(app, 'a', 'b');
    const mails = await sink.waitFor(2);
    expect(subjects().sort()).toEqual(['mail for a', 'mail for b']);
    for (const mail of mails) {
      expect(mail.raw.toString()).toMatch(/^Message-ID: <[0-9a-f-]{36}@fachtag\.localhost>/m);
    }
    await new Promise((r) => setTimeout(r, 1500));
    expect(sink.received).toHaveLength(2);
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
    await until(() => composer.outcomes.length > 0);
    await new Promise((r) => setTimeout(r, 4000)); // longer than the first retry delay
    expect(composer.outcomes).toEqual([
      { id: 'permanent', outcome: { status: 'FAILED', detail: expect.stringMatching(/^550 /) } },
    ]);
    expect(sink.received).toHaveLength(0);
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
    await app.get(MailWorker).start();
    await sink.waitFor(5);
    await app.close(); // graceful: active jobs finish, the rest stay queued
    ctx = undefined;
    const before = sink.received.length;
    expect(before).toBeLessThan(30);
    app = await boot();
    await sink.waitFor(30, 40_000);
    const unique = new Set(subjects());
    expect(unique.size).toBe(30);
    expect(sink.received).toHaveLength(30);
  });
});
