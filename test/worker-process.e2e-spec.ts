import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SmtpSink, startTestApp, type TestApp, closeAll } from './harness/index.js';
import { createEventFixture } from './factories/index.js';
import { freshEm, participant, register } from './registrations-helpers.js';
import { MailWorker } from '@fachtag/mail';
import { sql } from '@fachtag/database';

// The built worker (`npm test` builds first), started as `npm run worker` starts it.
const WORKER = join(process.cwd(), 'dist/apps/worker/src/main.js');

describe('the mail worker on its own', () => {
  const sink = new SmtpSink();
  let t: TestApp;
  beforeAll(async () => {
    await sink.start();
    t = await startTestApp({ SMTP_URL: sink.url, RUN_WORKER: 'false' });
  });
  afterAll(() =>
    closeAll(
      () => t?.close(),
      () => sink.stop(),
    ),
  );

  const mailJobState = (registrationId: string) =>
    sql<{ state: string; retry_count: number }>(
      freshEm(t),
      `select state, retry_count from pgboss.job where name = 'mail' and data->>'registrationId' = $1`,
      [registrationId],
    );

  it('sends what the API (RUN_WORKER=false) queued, and stops on SIGTERM', async () => {
    const f = await createEventFixture(freshEm(t), {});
    const who = participant();
    const made = await register(t, { eventId: f.event.id, participant: who, workshopIds: [] });
    // the API takes no job at all (no sleep needed to see that): the job waits, untouched
    expect(t.app.get(MailWorker).running).toBe(false);
    const [job] = await mailJobState(made.registration!.id);
    expect(job).toEqual({ state: 'created', retry_count: 0 });
    expect(sink.received).toHaveLength(0);

    const child = spawn(process.execPath, [WORKER], {
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: t.databaseUrl,
        SMTP_URL: sink.url,
        DATA_DIR: mkdtempSync(join(tmpdir(), 'fachtag-worker-')),
        JWT_SECRET: 'x'.repeat(32),
        LOG_LEVEL: 'warn',
        MAIL_POLL_SECONDS: '0.5',
      },
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const [mail] = await sink.waitFor(1, 30_000);
      expect(mail.to).toEqual([who.email]);
      expect(sink.received).toHaveLength(1);
    } finally {
      // also when an assertion failed: a live child keeps jest's worker from exiting
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('refuses to start without DATABASE_URL, with one line', async () => {
    const child = spawn(process.execPath, [WORKER], { env: { PATH: process.env.PATH ?? '' } });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toMatch(/^fachtag-worker: DATABASE_URL is required/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});
