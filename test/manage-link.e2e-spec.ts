import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ParsedMail } from 'mailparser';
import { RateLimiter } from '../apps/api/src/security/rate-limiter.js';
import { sql } from '@fachtag/database';
import { eventUrl, manageUrl } from '@fachtag/mail';
import { SmtpSink, startTestApp, type TestApp, closeAll } from './harness/index.js';
import { createEvent, publish } from './factories/events.js';
import { login } from './factories/organizers.js';
import {
  cancel,
  freshEm,
  MY_REGISTRATION,
  mailJobs,
  participant,
  register,
} from './registrations-helpers.js';

const REQUEST_LINK = `
  mutation ($input: RequestManageLinkInput!) {
    requestManageLink(input: $input) {
      __typename
      ... on ManageLinkRequested { message }
      ... on InputInvalidError { errorCode field message }
    }
  }`;

/** The manage token in a mail's plain-text link (`…/verwalten#<token>`). */
function linkedToken(mail: ParsedMail, base: string): string {
  const match = mail.text?.match(/\/verwalten#([A-Za-z0-9_%-]+)/);
  if (!match) throw new Error(`no manage link in: ${mail.text}`);
  const token = decodeURIComponent(match[1]);
  expect(mail.text).toContain(manageUrl(base, token));
  return token;
}

describe('links to the manage page, and "Link verloren?"', () => {
  const sink = new SmtpSink();
  let t: TestApp;
  let organizer: string;
  let event: { id: string; slug: string };

  /** The next mail to this address, parsed by mailparser. */
  async function nextMail(to: string): Promise<ParsedMail> {
    for (;;) {
      const index = sink.received.findIndex((m) => m.to.includes(to));
      if (index >= 0) return SmtpSink.parse(sink.received.splice(index, 1)[0]);
      await sink.waitFor(sink.received.length + 1);
    }
  }

  const requestLink = async (input: Record<string, unknown>) =>
    t.gql<{ requestManageLink: Record<string, unknown> }>(REQUEST_LINK, { input });

  beforeAll(async () => {
    await sink.start();
    t = await startTestApp({ SMTP_URL: sink.url, MAIL_POLL_SECONDS: '0.5' });
    organizer = await login(t);
    event = await createEvent(t, organizer, { title: 'Fachtag Link' });
    await publish(t, organizer, event.id);
  });
  afterAll(() =>
    closeAll(
      () => t?.close(),
      () => sink.stop(),
    ),
  );

  it('puts a manage button and a plain link into the confirmation, no API instructions', async () => {
    const who = participant();
    const made = await register(t, { eventId: event.id, participant: who, workshopIds: [] });
    const mail = await nextMail(who.email);
    const base = t.config.publicBaseUrl;
    expect(linkedToken(mail, base)).toBe(made.manageToken);
    const link = manageUrl(base, made.manageToken!);
    expect(mail.html).toMatch(
      new RegExp(`<a href="${link.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>[^<]+</a>`),
    );
    expect(mail.text).not.toMatch(/graphql|updateRegistration|cancelRegistration/);
    expect(mail.html).not.toMatch(/graphql|updateRegistration|cancelRegistration/);

    // a cancellation links to the event page, not to the manage page
    await cancel(t, made.manageToken!);
    const cancelled = await nextMail(who.email);
    expect(cancelled.subject).toMatch(/^Abmeldung bestätigt/);
    expect(cancelled.text).toContain(eventUrl(base, event.slug));
    expect(cancelled.html).toContain(`href="${eventUrl(base, event.slug)}"`);
    expect(cancelled.text).not.toContain('/verwalten');
    expect(cancelled.html).not.toContain('/verwalten');
  });

  it('mails a fresh link to a registered address and retires the old token', async () => {
    const who = participant();
    const made = await register(t, { eventId: event.id, participant: who, workshopIds: [] });
    await nextMail(who.email);

    const answer = await requestLink({ eventSlug: event.slug, email: who.email.toUpperCase() });
    expect(answer.status).toBe(200);
    expect(answer.data?.requestManageLink.__typename).toBe('ManageLinkRequested');
    const mail = await nextMail(who.email);
    expect(mail.subject).toBe('Ihr Link zur Anmeldung: Fachtag Link');
    const fresh = linkedToken(mail, t.config.publicBaseUrl);
    expect(fresh).not.toBe(made.manageToken);
    expect(mail.html).toContain(`href="${manageUrl(t.config.publicBaseUrl, fresh)}"`);

    const old = await t.data<{ myRegistration: unknown }>(MY_REGISTRATION, {
      token: made.manageToken,
    });
    expect(old.myRegistration).toBeNull();
    const now = await t.data<{ myRegistration: { id: string } }>(MY_REGISTRATION, {
      token: fresh,
    });
    expect(now.myRegistration.id).toBe(made.registration!.id);

    // by the event's id works too, and rotates again
    await requestLink({ eventId: event.id, email: who.email });
    const again = linkedToken(await nextMail(who.email), t.config.publicBaseUrl);
    expect(again).not.toBe(fresh);
    expect(
      (await t.data<{ myRegistration: unknown }>(MY_REGISTRATION, { token: fresh })).myRegistration,
    ).toBeNull();
  });

  it('answers an unknown address exactly like a registered one, with the same work queued', async () => {
    const known = participant();
    const stranger = participant();
    await register(t, { eventId: event.id, participant: known, workshopIds: [] });
    await nextMail(known.email);

    const before = (await mailJobs(t)).length;
    const unknownAnswer = await requestLink({ eventSlug: event.slug, email: stranger.email });
    const afterUnknown = (await mailJobs(t)).length;
    const knownAnswer = await requestLink({ eventSlug: event.slug, email: known.email });
    const afterKnown = (await mailJobs(t)).length;
    expect(unknownAnswer.status).toBe(knownAnswer.status);
    expect({ data: unknownAnswer.data, errors: unknownAnswer.errors }).toEqual({
      data: knownAnswer.data,
      errors: knownAnswer.errors,
    });
    // one job each: the database does the same work for both
    expect([afterUnknown - before, afterKnown - afterUnknown]).toEqual([1, 1]);

    // positive controls: the known address gets its mail, and the worker has finished the
    // stranger's job (queued first); by then nothing went to the stranger
    await nextMail(known.email);
    const strangerJob = async () =>
      (
        await sql<{ state: string }>(
          freshEm(t),
          `select state from pgboss.job where name = 'mail' order by created_on, id offset $1 limit 1`,
          [before],
        )
      )[0].state;
    for (let i = 0; i < 200 && (await strangerJob()) !== 'completed'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100)); // polling for a state, not a sleep
    }
    expect(await strangerJob()).toBe('completed');
    expect(sink.received.filter((m) => m.to.includes(stranger.email))).toEqual([]);
  });

  it('refuses bad input with InputInvalidError and a clear field', async () => {
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ eventSlug: event.slug, email: 'not-an-address' }, ['email']],
      [{ eventSlug: 'no-such-event', email: 'a@example.org' }, ['eventSlug']],
      [{ eventId: 'not-a-uuid', email: 'a@example.org' }, ['eventId']],
      [{ email: 'a@example.org' }, ['eventSlug']],
      [{ eventSlug: event.slug, eventId: event.id, email: 'a@example.org' }, ['eventId']],
    ];
    for (const [input, field] of cases) {
      const answer = await requestLink(input);
      expect(answer.status).toBe(200);
      expect(answer.data?.requestManageLink).toMatchObject({
        __typename: 'InputInvalidError',
        errorCode: 'INPUT_INVALID',
        field,
      });
    }
    // a character PostgreSQL text cannot hold is refused for every operation alike, before
    // any resolver runs (apps/api/src/graphql/input-sanitation.ts): 400, BAD_USER_INPUT
    const nul = await requestLink({ eventSlug: 'x\u0000y', email: 'a@example.org' });
    expect(nul.status).toBe(400);
    expect(nul.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const draft = await createEvent(t, organizer, { title: 'Entwurf' });
    expect(
      (await requestLink({ eventSlug: draft.slug, email: 'a@example.org' })).data
        ?.requestManageLink,
    ).toMatchObject({ __typename: 'InputInvalidError', field: ['eventSlug'] });
  });

  it('is rate limited per e-mail address and per client address', async () => {
    const limiter = t.app.get(RateLimiter);
    limiter.configure({ limits: { manageLinkAddress: 2, manageLink: 0 } });
    const target = participant().email;
    for (let i = 0; i < 2; i++) {
      expect((await requestLink({ eventSlug: event.slug, email: target })).status).toBe(200);
    }
    // the same address, however it is written, is refused; another address is not
    const refused = await requestLink({ eventSlug: event.slug, email: ` ${target.toUpperCase()}` });
    expect(refused.status).toBe(429);
    expect(refused.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect(refused.errors?.[0].message).toMatch(/2 per hour for one e-mail address/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(60);
    const other = await requestLink({ eventSlug: event.slug, email: participant().email });
    expect(other.status).toBe(200);

    limiter.configure({ limits: { manageLinkAddress: 0, manageLink: 1 } });
    expect((await requestLink({ eventSlug: event.slug, email: participant().email })).status).toBe(
      200,
    );
    const byClient = await requestLink({ eventSlug: event.slug, email: participant().email });
    expect(byClient.status).toBe(429);
    expect(byClient.errors?.[0].message).toMatch(/1 per hour from one address/);
    limiter.configure({ limits: { manageLinkAddress: 0, manageLink: 0 } });
  });

  it('keeps no clear manage token in the job table, and still links every mail to its manage page', async () => {
    const small = await createEvent(t, organizer, {
      title: 'Fachtag Klein',
      capacity: 1,
      waitlistEnabled: true,
    });
    await publish(t, organizer, small.id);
    const holder = participant();
    const waiter = participant();
    const base = t.config.publicBaseUrl;
    const tokens = new Set<string>();

    const a = await register(t, { eventId: small.id, participant: holder, workshopIds: [] });
    const b = await register(t, { eventId: small.id, participant: waiter, workshopIds: [] });
    expect(b.registration?.status).toBe('WAITLISTED');
    tokens.add(a.manageToken!).add(b.manageToken!);
    expect(linkedToken(await nextMail(holder.email), base)).toBe(a.manageToken);
    expect(linkedToken(await nextMail(waiter.email), base)).toBe(b.manageToken);

    // a change, a requested link, a cancellation and the promotion it brings
    await t.data(
      `mutation ($token: String!) {
         updateRegistration(manageToken: $token, input: { participant: { firstName: "Eri", lastName: "Ka", email: "${holder.email}" } }) { __typename }
       }`,
      { token: a.manageToken },
    );
    expect(linkedToken(await nextMail(holder.email), base)).toBe(a.manageToken);
    await requestLink({ eventId: small.id, email: waiter.email });
    const fresh = linkedToken(await nextMail(waiter.email), base);
    tokens.add(fresh);
    await cancel(t, a.manageToken!);
    await nextMail(holder.email);
    const promoted = await nextMail(waiter.email);
    expect(promoted.subject).toMatch(/^Platz frei/);
    // the promotion mail, queued by someone else's cancellation, carries the current link too
    expect(linkedToken(promoted, base)).toBe(fresh);
    const mine = await t.data<{ myRegistration: { status: string } }>(MY_REGISTRATION, {
      token: fresh,
    });
    expect(mine.myRegistration.status).toBe('CONFIRMED');

    const rows = await sql<{ row: string }>(
      freshEm(t),
      `select j::text as row from pgboss.job j where name = 'mail'`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(6);
    for (const { row } of rows) {
      for (const token of tokens) expect(row).not.toContain(token);
      expect(row).not.toContain('manageToken');
    }
  });
});
