import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { MailWorker } from '@fachtag/mail';
import { sql } from '@fachtag/database';
import { SmtpSink, startTestApp, type TestApp, closeAll } from './harness/index.js';
import { createEventFixture, type EventFixture } from './factories/index.js';
import { freshEm, participant, register } from './registrations-helpers.js';

/**
 * Mail delivery through the real app: real registrations queue their jobs, the
 * app's own MailWorker sends them to a real SMTP server, and every assertion
 * reads what the database recorded. Faults are injected in PostgreSQL, so the
 * code under test runs unchanged.
 */
describe('mail delivery, retries and rollbacks', () => {
  const sink = new SmtpSink();
  let t: TestApp;
  let f: EventFixture;

  const query = <T extends object>(text: string, params: unknown[] = []) =>
    sql<T>(freshEm(t), text, params);

  /** Polls until `probe` gives a value, or fails after `timeoutMs` (a bound, not a measurement). */
  async function eventually<T>(
    what: string,
    probe: () => Promise<T | undefined | null | false>,
    timeoutMs = 30_000,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  interface JobRow {
    id: string;
    state: string;
    retry_count: number;
    retry_limit: number;
    retry_delay: number;
    retry_backoff: boolean;
    retry_delay_max: number;
    output: { error?: string } | null;
  }

  const jobOf = async (registrationId: string): Promise<JobRow> => {
    const rows = await query<JobRow>(
      `select id, state, retry_count, retry_limit, retry_delay, retry_backoff, retry_delay_max, output
         from pgboss.job where name = 'mail' and data->>'registrationId' = $1`,
      [registrationId],
    );
    expect(rows).toHaveLength(1);
    return rows[0];
  };

  const mailStatus = async (registrationId: string) =>
    (
      await query<{ mail_status: string }>('select mail_status from registrations where id = $1', [
        registrationId,
      ])
    )[0].mail_status;

  /** The delays pg-boss chose when the job failed: start_after minus the failing statement's now(). */
  const retryDelays = async (jobId: string) =>
    (
      await query<{ retry_count: number; seconds: number }>(
        `select retry_count, seconds from test_retry_log where job_id = $1 order by logged`,
        [jobId],
      )
    ).map((r) => ({ retryCount: r.retry_count, seconds: r.seconds }));

  /** Makes a waiting retry due now, as if its delay had passed, optionally `skipped` tries later. */
  const dueNow = (jobId: string, retryCount?: number) =>
    query(
      `update pgboss.job set start_after = now(), retry_count = coalesce($2, retry_count)
        where id = $1 and state = 'retry'`,
      [jobId, retryCount ?? null],
    );

  const mailsTo = (address: string) => sink.received.filter((m) => m.to.includes(address));

  beforeAll(async () => {
    await sink.start();
    // the production retry settings (MAIL_RETRY_DELAY_SECONDS default 30), worker started by hand
    t = await startTestApp({ SMTP_URL: sink.url, RUN_WORKER: 'false', MAIL_POLL_SECONDS: '0.5' });
    // Records every delay pg-boss schedules for a retry. In the failing statement's own
    // transaction now() is the instant it computed start_after from, so the delay is exact.
    await query(`
      create table test_retry_log (
        logged bigserial primary key, job_id uuid, retry_count int, seconds double precision);
      create function test_log_retry() returns trigger language plpgsql as $$
      begin
        -- pg-boss moves a failed job by delete and insert; a test's own update is no failure
        if tg_op = 'INSERT' or old.state <> 'retry' then
          insert into test_retry_log (job_id, retry_count, seconds)
          values (new.id, new.retry_count, extract(epoch from new.start_after - now()));
        end if;
        return new;
      end $$;
      create trigger test_log_retry after insert or update on pgboss.job for each row
        when (new.state = 'retry') execute function test_log_retry();`);
    f = await createEventFixture(freshEm(t), { capacity: 100, phases: [[100]] });
    await t.app.get(MailWorker).start();
  });
  afterAll(() =>
    closeAll(
      () => t?.close(),
      () => sink.stop(),
    ),
  );
  beforeEach(() => {
    sink.received.length = 0;
  });

  const registerOne = async (email?: string) => {
    const who = participant(email ? { email } : {});
    const result = await register(t, {
      eventId: f.event.id,
      participant: who,
      workshopIds: [f.workshops[0][0].id],
    });
    expect(result.__typename).toBe('RegistrationSuccess');
    return { email: who.email, id: result.registration!.id };
  };

  it('queues every registration mail with 16 retries, backoff from 30 s, at most 4 h apart', async () => {
    const { id } = await registerOne();
    await eventually('the mail', () => Promise.resolve(sink.received.length === 1));
    expect(await jobOf(id)).toMatchObject({
      retry_limit: 16,
      retry_delay: t.config.mailRetryDelaySeconds,
      retry_backoff: true,
      retry_delay_max: 4 * 3600,
    });
    expect(t.config.mailRetryDelaySeconds).toBe(30);
  });

  it('backs off exponentially up to 4 h and gives up after the 16th retry with mailStatus FAILED', async () => {
    sink.failNext(451, 1, 'greylisted');
    const { id, email } = await registerOne();
    const job = await jobOf(id);
    const failures = async (n: number) => {
      const delays = await eventually(`failure ${n}`, async () => {
        const d = await retryDelays(job.id);
        return d.length >= n && d;
      });
      return delays[n - 1];
    };

    // first try fails: retried after 30–60 s (pg-boss adds up to 100 % jitter)
    const first = await failures(1);
    expect(first.retryCount).toBe(0);
    expect(first.seconds).toBeGreaterThanOrEqual(30);
    expect(first.seconds).toBeLessThanOrEqual(60);
    expect(await mailStatus(id)).toBe('PENDING');

    // the 4th try (retry 3) waits 30 s · 2³ = 240 s to 480 s: the delay doubles per try
    sink.failNext(451, 1, 'greylisted');
    await dueNow(job.id, 2); // the fetch counts this try as retry 3
    const fourth = await failures(2);
    expect(fourth.retryCount).toBe(3);
    expect(fourth.seconds).toBeGreaterThanOrEqual(240);
    expect(fourth.seconds).toBeLessThanOrEqual(480);

    // late tries would wait 30 s · 2¹² and more: capped at 4 h
    sink.failNext(451, 1, 'greylisted');
    await dueNow(job.id, 14);
    const fifteenth = await failures(3);
    expect(fifteenth.retryCount).toBe(15);
    expect(fifteenth.seconds).toBe(4 * 3600);
    expect((await jobOf(id)).state).toBe('retry');
    expect(await mailStatus(id)).toBe('PENDING');

    // the 16th retry fails too: given up, FAILED for organizers, nothing scheduled
    sink.failNext(451, 1, 'greylisted');
    await dueNow(job.id);
    await eventually('FAILED', async () => (await mailStatus(id)) === 'FAILED');
    // the handler records FAILED before it throws; pg-boss marks the job failed after it
    const last = await eventually('the job failed', async () => {
      const j = await jobOf(id);
      return j.state !== 'active' && j;
    });
    expect(last.retry_count).toBe(16);
    expect(last.state).toBe('failed');
    expect(last.output?.error).toMatch(/^gave up after 17 tries: 451 /);
    expect(await retryDelays(job.id)).toHaveLength(3);
    expect(mailsTo(email)).toEqual([]);
  });

  it('shows PENDING while a temporary failure waits for its retry, and SENT after it', async () => {
    sink.failNext(451, 1, 'try again later');
    const { id, email } = await registerOne();
    const job = await jobOf(id);
    await eventually('the retry', async () => (await jobOf(id)).state === 'retry');
    expect((await jobOf(id)).output?.error).toMatch(/^451 /);
    expect(await mailStatus(id)).toBe('PENDING');
    expect(mailsTo(email)).toEqual([]);

    await dueNow(job.id);
    await sink.waitFor(1);
    await eventually('SENT', async () => (await mailStatus(id)) === 'SENT');
    const done = await eventually('the job done', async () => {
      const j = await jobOf(id);
      return j.state !== 'active' && j;
    });
    expect(done).toMatchObject({ state: 'completed', retry_count: 1 });
    expect(mailsTo(email)).toHaveLength(1);
  });

  it('does not resend a sent mail when recording its status fails', async () => {
    // the database refuses to record SENT for this one participant
    await query(`
      create function test_refuse_sent() returns trigger language plpgsql as $$
      begin
        if new.mail_status = 'SENT' and new.email like 'record-fails-%' then
          raise exception 'injected fault: mail status not recorded';
        end if;
        return new;
      end $$;
      create trigger test_refuse_sent before update on registrations for each row
        execute function test_refuse_sent();`);
    try {
      const probe = await registerOne(`record-fails-${Date.now()}@example.org`);
      await sink.waitFor(1);
      await eventually('the job to settle', async () =>
        ['completed', 'retry', 'failed'].includes((await jobOf(probe.id)).state),
      );
      // settled as sent: nothing will try it again
      expect((await jobOf(probe.id)).state).toBe('completed');
      expect(await mailStatus(probe.id)).toBe('PENDING');
      // positive control: a later mail arrives and is recorded; the probe got exactly one
      const control = await registerOne();
      await eventually('the control', async () => (await mailStatus(control.id)) === 'SENT');
      expect(mailsTo(probe.email)).toHaveLength(1);
      expect(sink.received).toHaveLength(2);
    } finally {
      await query(
        `drop trigger test_refuse_sent on registrations; drop function test_refuse_sent()`,
      );
    }
  });

  it('sends nothing for a registration that queued its mail and then rolled back', async () => {
    // Fires at commit, after the registration has inserted everything including its mail
    // job, and aborts the transaction: the job existed and must vanish with it.
    await query(`
      create function test_fail_commit() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from registrations
                    where id = (new.data->>'registrationId')::uuid and email like 'rollback-%') then
          raise exception 'injected fault after the mail job was queued';
        end if;
        return null;
      end $$;
      create constraint trigger test_fail_commit after insert on pgboss.job
        deferrable initially deferred for each row execute function test_fail_commit();`);
    try {
      const seatsBefore = await query<{ event: number; workshop: number }>(
        `select e.seats_taken as event, w.seats_taken as workshop
           from events e join workshops w on w.event_id = e.id where w.id = $1`,
        [f.workshops[0][0].id],
      );
      const [{ n: jobsBefore }] = await query<{ n: number }>(
        `select count(*)::int as n from pgboss.job where name = 'mail'`,
      );
      const email = `rollback-${Date.now()}@example.org`;
      const response = await t.gql(
        `mutation($input: RegisterInput!) { register(input: $input) { __typename } }`,
        {
          input: {
            eventId: f.event.id,
            participant: participant({ email }),
            workshopIds: [f.workshops[0][0].id],
            privacyConsent: true,
          },
        },
      );
      // the trigger ran, so the job had been inserted before the transaction failed
      expect(response.errors?.[0].message).toContain(
        'injected fault after the mail job was queued',
      );
      expect(await query('select id from registrations where email = $1', [email])).toEqual([]);
      expect(
        await query<{ event: number; workshop: number }>(
          `select e.seats_taken as event, w.seats_taken as workshop
             from events e join workshops w on w.event_id = e.id where w.id = $1`,
          [f.workshops[0][0].id],
        ),
      ).toEqual(seatsBefore);

      // positive control: the next registration's mail arrives; it is the only new job
      const control = await registerOne();
      await eventually('the control', async () => (await mailStatus(control.id)) === 'SENT');
      const [{ n: jobsAfter }] = await query<{ n: number }>(
        `select count(*)::int as n from pgboss.job where name = 'mail'`,
      );
      expect(jobsAfter).toBe(jobsBefore + 1);
      expect(sink.received.map((m) => m.to)).toEqual([[control.email]]);
    } finally {
      await query(`drop trigger test_fail_commit on pgboss.job; drop function test_fail_commit()`);
    }
  });
});
