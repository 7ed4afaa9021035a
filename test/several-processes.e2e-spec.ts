import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import {
  SmtpSink,
  createTestDatabase,
  dropTestDatabase,
  gqlData,
  gqlRequest,
  startProcess,
  type RunningProcess,
  closeAll,
} from './harness/index.js';
import { day, eventInput } from './factories/events.js';
import { LOGIN_MUTATION } from './factories/organizers.js';
import { CANCEL, REGISTER, UPDATE, participant, type ResultData } from './registrations-helpers.js';

// Two API processes (RUN_WORKER=false) and one mail worker, all built programs, on one
// fresh database: every promise about seats, mails and rate limits must hold across them.

const ORGANIZER = { email: 'orga@processes.example', password: 'correct horse battery' };
const LOGIN_LIMIT = 3;
const REGISTER_LIMIT = 2;

const KINDS: Array<[RegExp, string]> = [
  [/^Anmeldung bestätigt:/, 'confirmed'],
  [/^Warteliste:/, 'waitlisted'],
  [/^Platz frei/, 'promoted'],
  [/^Anmeldung geändert:/, 'changed'],
  [/^Abmeldung bestätigt:/, 'cancelled'],
];

describe('two API processes and a worker on one database', () => {
  const sink = new SmtpSink();
  let db: { name: string; url: string };
  let sql: pg.Pool;
  const processes: RunningProcess[] = [];
  let apis: [RunningProcess, RunningProcess];
  /** Mail kinds each address must have received, in order. */
  const expected = new Map<string, string[]>();
  const expectMail = (email: string, kind: string) =>
    expected.set(email, [...(expected.get(email) ?? []), kind]);

  beforeAll(async () => {
    await sink.start();
    db = await createTestDatabase();
    sql = new pg.Pool({ connectionString: db.url, max: 2 });
    const env = {
      DATABASE_URL: db.url,
      SMTP_URL: sink.url,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      JWT_SECRET: 'processes-secret-processes-secret-0123',
      ORGANIZER_EMAIL: ORGANIZER.email,
      ORGANIZER_PASSWORD: ORGANIZER.password,
      // every client of this test comes from 127.0.0.1: it names them in X-Forwarded-For
      TRUST_PROXY: 'loopback',
      RATE_LIMIT_LOGIN_PER_MINUTE: String(LOGIN_LIMIT),
      RATE_LIMIT_REGISTER_PER_MINUTE: String(REGISTER_LIMIT),
      RATE_LIMIT_TOKEN_PER_MINUTE: '0',
      MAIL_POLL_SECONDS: '0.5',
      MAIL_CHANGE_DELAY_SECONDS: '1',
    };
    // both APIs start at once on the empty database, as replicas of a deployment do
    const started = await Promise.allSettled([
      startProcess('api', { ...env, RUN_WORKER: 'false' }),
      startProcess('api', { ...env, RUN_WORKER: 'false' }),
    ]);
    for (const s of started) if (s.status === 'fulfilled') processes.push(s.value);
    for (const s of started) if (s.status === 'rejected') throw s.reason;
    apis = [processes[0], processes[1]];
    processes.push(await startProcess('worker', env));
  }, 120_000);

  afterAll(async () => {
    let codes: Array<number | null> = [];
    // every step runs: before, a process that exited with 1 left the pool and the
    // SMTP server open, and jest's worker could not exit
    await closeAll(
      async () => (codes = await Promise.all(processes.map((p) => p.stop()))),
      () => sql?.end(),
      () => db && dropTestDatabase(db.name),
      () => sink.stop(),
    );
    expect(codes.every((code) => code === 0)).toBe(true);
  });

  const api = (i: number) => apis[i % 2].baseUrl;
  const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });

  /**
   * Waits until every expected mail has arrived and the queue holds no job that could
   * still send one; then the mails received must be exactly the expected ones.
   */
  async function mailsSettled(): Promise<void> {
    const total = [...expected.values()].reduce((n, kinds) => n + kinds.length, 0);
    const deadline = Date.now() + 60_000;
    for (;;) {
      const { rows } = await sql.query<{ open: number }>(
        `select count(*)::int as open from pgboss.job where state in ('created', 'retry', 'active')`,
      );
      if ((rows[0].open === 0 && sink.received.length >= total) || Date.now() > deadline) break;
      // the next mail, or a second to look at the queue again
      await sink.waitFor(sink.received.length + 1, 1000).catch(() => undefined);
    }
    const got = new Map<string, string[]>();
    for (const mail of sink.received) {
      const subject = (await SmtpSink.parse(mail)).subject ?? '';
      const kind = KINDS.find(([pattern]) => pattern.test(subject))?.[1] ?? subject;
      for (const to of mail.to) got.set(to, [...(got.get(to) ?? []), kind]);
    }
    expect(Object.fromEntries(got)).toEqual(Object.fromEntries(expected));
  }

  /** Seat counters against the rows: the event's and every workshop's. */
  async function expectCountersMatchRows(eventId: string): Promise<number> {
    const { rows: event } = await sql.query<{ taken: number; confirmed: number; capacity: number }>(
      `select e.seats_taken as taken, e.capacity,
              (select count(*)::int from registrations r
                where r.event_id = e.id and r.status = 'CONFIRMED') as confirmed
         from events e where e.id = $1`,
      [eventId],
    );
    expect(event[0].taken).toBe(event[0].confirmed);
    expect(event[0].taken).toBeLessThanOrEqual(event[0].capacity);
    const { rows: workshops } = await sql.query<{
      taken: number;
      chosen: number;
      capacity: number;
    }>(
      `select w.seats_taken as taken, w.capacity,
              (select count(*)::int from registration_workshops rw
                 join registrations r on r.id = rw.registration_id
                where rw.workshop_id = w.id and r.status = 'CONFIRMED') as chosen
         from workshops w where w.event_id = $1`,
      [eventId],
    );
    for (const w of workshops) {
      expect(w.taken).toBe(w.chosen);
      expect(w.taken).toBeLessThanOrEqual(w.capacity);
    }
    return event[0].taken;
  }

  let token: string;
  let eventId: string;
  /** Manage tokens of the race's registrations, by e-mail. */
  const manageTokens = new Map<string, string>();
  let workshops: [string, string];

  it('lets an organizer set up an event through one API and see it through the other', async () => {
    const login = await gqlData<{ login: { accessToken: string } }>(
      api(0),
      LOGIN_MUTATION,
      ORGANIZER,
    );
    token = login.login.accessToken;
    const at = day(60);
    const created = await gqlData<{ createEvent: { id: string } }>(
      api(0),
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
      {
        input: eventInput(60, { title: 'Mehrprozess-Fachtag', capacity: 5, waitlistEnabled: true }),
      },
      { token },
    );
    eventId = created.createEvent.id;
    const phase = await gqlData<{ addAgendaItem: { id: string } }>(
      api(1),
      `mutation($eventId: ID!, $input: AgendaItemInput!) { addAgendaItem(eventId: $eventId, input: $input) { id } }`,
      {
        eventId,
        input: {
          kind: 'WORKSHOP_PHASE',
          title: 'Arbeitsphase',
          startsAt: at('11:30'),
          endsAt: at('13:00'),
        },
      },
      { token },
    );
    const ids: string[] = [];
    for (const title of ['Werkstatt A', 'Werkstatt B']) {
      const w = await gqlData<{ addWorkshop: { id: string } }>(
        api(ids.length),
        `mutation($phaseId: ID!, $input: WorkshopInput!) { addWorkshop(phaseId: $phaseId, input: $input) { id } }`,
        { phaseId: phase.addAgendaItem.id, input: { title, capacity: 3 } },
        { token },
      );
      ids.push(w.addWorkshop.id);
    }
    workshops = [ids[0], ids[1]];
    await gqlData(
      api(1),
      `mutation($id: ID!) { publishEvent(id: $id) { id } }`,
      { id: eventId },
      { token },
    );
    const seen = await gqlData<{ event: { seatsLeft: number } }>(
      api(0),
      `query($id: ID!) { event(id: $id) { seatsLeft } }`,
      { id: eventId },
    );
    expect(seen.event.seatsLeft).toBe(5);
  });

  it('counts rate limits per client across both APIs', async () => {
    // the organizer's login above came from 127.0.0.1; this client is another one
    const attempts: number[] = [];
    for (let i = 0; i < LOGIN_LIMIT + 2; i++) {
      const res = await gqlRequest(api(i), LOGIN_MUTATION, ORGANIZER, from('203.0.113.7'));
      attempts.push(res.status);
    }
    // per process, each API would have let 3 through
    expect(attempts).toEqual([200, 200, 200, 429, 429]);

    const statuses: number[] = [];
    for (let i = 0; i < REGISTER_LIMIT + 2; i++) {
      const who = participant();
      const res = await gqlRequest<{ register: ResultData }>(
        api(i),
        REGISTER,
        { input: { eventId, participant: who, workshopIds: [workshops[0]], privacyConsent: true } },
        from('203.0.113.8'),
      );
      statuses.push(res.status);
      if (res.data?.register.__typename === 'RegistrationSuccess') {
        expectMail(who.email, res.data.register.registration!.status.toLowerCase());
      }
    }
    expect(statuses).toEqual([200, 200, 429, 429]);
    await mailsSettled();
  });

  it('gives 40 racing registrations split across both APIs exactly the seats there are, and one mail each', async () => {
    const before = await expectCountersMatchRows(eventId);
    const results = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const who = participant();
        const res = await gqlRequest<{ register: ResultData }>(
          api(i),
          REGISTER,
          {
            input: {
              eventId,
              participant: who,
              workshopIds: [workshops[i % 2]],
              privacyConsent: true,
            },
          },
          // one client each, so the register limit does not refuse them
          from(`198.51.100.${i + 1}`),
        );
        expect(res.errors).toBeUndefined();
        return { who, result: res.data!.register };
      }),
    );
    let confirmed = 0;
    for (const { who, result } of results) {
      if (result.__typename !== 'RegistrationSuccess') {
        expect(result.__typename).toBe('WorkshopFullError');
        continue;
      }
      expectMail(who.email, result.registration!.status.toLowerCase());
      manageTokens.set(who.email, result.manageToken!);
      if (result.registration!.status === 'CONFIRMED') confirmed += 1;
    }
    expect(before + confirmed).toBe(5);
    expect(await expectCountersMatchRows(eventId)).toBe(5);
    await mailsSettled();
  });

  it('keeps the counters right under concurrent workshop swaps on both APIs', async () => {
    const tokens = await manageTokensOfConfirmed();
    expect(tokens.length).toBeGreaterThanOrEqual(3);
    const swaps = await Promise.all(
      tokens.map(async ({ email, token: manageToken, workshopId }, i) => {
        const other = workshopId === workshops[0] ? workshops[1] : workshops[0];
        const res = await gqlData<{ updateRegistration: ResultData }>(api(i), UPDATE, {
          token: manageToken,
          input: { workshopIds: [other] },
        });
        return { email, result: res.updateRegistration };
      }),
    );
    for (const { email, result } of swaps) {
      if (result.__typename === 'Registration') expectMail(email, 'changed');
      else expect(result.__typename).toBe('WorkshopFullError');
    }
    expect(swaps.some((s) => s.result.__typename === 'Registration')).toBe(true);
    expect(await expectCountersMatchRows(eventId)).toBe(5);
    await mailsSettled();
  });

  it('promotes the longest waiting exactly once per seat freed by concurrent cancellations', async () => {
    const tokens = await manageTokensOfConfirmed();
    const { rows: waiting } = await sql.query<{ email: string }>(
      `select email from registrations where event_id = $1 and status = 'WAITLISTED'
        order by waitlist_position`,
      [eventId],
    );
    const cancelled = tokens.slice(0, 2);
    const results = await Promise.all(
      cancelled.map(async ({ token: manageToken }, i) => {
        const res = await gqlData<{ cancelRegistration: ResultData & { status?: string } }>(
          api(i),
          CANCEL,
          { token: manageToken },
        );
        return res.cancelRegistration;
      }),
    );
    expect(results.map((r) => r.status)).toEqual(['CANCELLED', 'CANCELLED']);
    for (const { email } of cancelled) expectMail(email, 'cancelled');
    const { rows: promoted } = await sql.query<{ email: string }>(
      `select email from registrations
        where event_id = $1 and status = 'CONFIRMED' and email = any($2::text[])`,
      [eventId, waiting.map((w) => w.email)],
    );
    // every phase has seats left (6 workshop seats, 3 taken), so the first two move up
    expect(promoted.map((p) => p.email).sort()).toEqual(
      waiting
        .slice(0, 2)
        .map((w) => w.email)
        .sort(),
    );
    for (const { email } of promoted) expectMail(email, 'promoted');
    expect(await expectCountersMatchRows(eventId)).toBe(5);
    await mailsSettled();
  });

  /** Manage tokens of the race's confirmed registrations, with their workshop. */
  async function manageTokensOfConfirmed(): Promise<
    Array<{ email: string; token: string; workshopId: string }>
  > {
    const { rows } = await sql.query<{ email: string; workshop_id: string }>(
      `select r.email, rw.workshop_id from registrations r
         join registration_workshops rw on rw.registration_id = r.id
        where r.event_id = $1 and r.status = 'CONFIRMED' and r.email = any($2::text[])
        order by r.email`,
      [eventId, [...manageTokens.keys()]],
    );
    return rows.map((r) => ({
      email: r.email,
      token: manageTokens.get(r.email)!,
      workshopId: r.workshop_id,
    }));
  }
});
