import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SmtpSink, startTestApp, type TestApp, closeAll } from './harness/index.js';
import { createEventFixture, type EventFixtureOptions } from './factories/index.js';
import { createOrganizer, login } from './factories/organizers.js';
import { sql } from '@fachtag/database';
import {
  cancel,
  freshEm,
  participant,
  register,
  seats,
  settledMailJobs,
  update,
} from './registrations-helpers.js';

// The organizers' registrations desk over GraphQL (issue 13): a registration's
// detail with its history, search and workshop filter, cancelling with a reason.

const HISTORY = `history { kind actor organizerName reason fromWorkshops { number title }
  toWorkshops { number title } mail failure at }`;

interface HistoryData {
  kind: string;
  actor: string;
  organizerName: string | null;
  reason: string | null;
  fromWorkshops: { number: number; title: string }[];
  toWorkshops: { number: number; title: string }[];
  mail: string | null;
  failure: string | null;
  at: string;
}

const DETAIL = `query ($id: ID!) { registration(id: $id) {
  id status firstName lastName email organization jobTitle accessibilityNeeds dietaryNeeds
  mailStatus cancelledAt workshops { number } ${HISTORY} } }`;

const CANCEL_AS_ORGANIZER = `mutation ($id: ID!, $reason: String) {
  cancelRegistrationAsOrganizer(id: $id, reason: $reason) { id status } }`;

describe("the organizers' registrations desk", () => {
  const sink = new SmtpSink();
  let t: TestApp;
  let admin: string;
  let other: string;
  let adminName: string;

  const fixture = (options: EventFixtureOptions) => createEventFixture(freshEm(t), options);
  const exec = (text: string, values: unknown[] = []) => sql(freshEm(t), text, values);
  const asAdmin = <T>(query: string, variables: Record<string, unknown>) =>
    t.data<T>(query, variables, { token: admin });
  const detail = async (id: string) =>
    (
      await asAdmin<{ registration: { history: HistoryData[]; [k: string]: unknown } }>(DETAIL, {
        id,
      })
    ).registration;

  /** Waits for the next mail to this address and parses it. */
  async function nextMail(to: string): Promise<ParsedMail> {
    for (let i = 0; i < 300; i++) {
      const index = sink.received.findIndex((m) => m.to.includes(to));
      if (index >= 0) return simpleParser(sink.received.splice(index, 1)[0].raw);
      await new Promise((r) => setTimeout(r, 100)); // polling for an arrival, not a sleep
    }
    throw new Error(`no mail to ${to}`);
  }

  beforeAll(async () => {
    await sink.start();
    t = await startTestApp({ SMTP_URL: sink.url, MAIL_POLL_SECONDS: '0.5' });
    admin = await login(t);
    other = (await createOrganizer(t, admin)).token;
    const viewer = await t.data<{ viewer: { name: string } }>(
      '{ viewer { name } }',
      {},
      {
        token: admin,
      },
    );
    adminName = viewer.viewer.name;
  });
  afterAll(() =>
    closeAll(
      () => t?.close(),
      () => sink.stop(),
    ),
  );

  describe('registration(id) with its history', () => {
    it('shows every field and what happened, by whom, in order', async () => {
      const f = await fixture({ capacity: 1, phases: [[5, 5]] });
      const [w1, w2] = f.workshops[0];
      const erika = participant({
        accessibilityNeeds: 'Rollstuhl, stufenloser Zugang',
        dietaryNeeds: 'vegetarisch',
        jobTitle: 'Sachgebietsleitung',
      });
      const first = await register(t, {
        eventId: f.event.id,
        participant: erika,
        workshopIds: [w1.id],
      });
      const second = await register(t, { eventId: f.event.id, workshopIds: [w2.id] });
      expect(second.registration!.status).toBe('WAITLISTED');
      await nextMail(erika.email);
      expect((await update(t, first.manageToken!, { workshopIds: [w2.id] })).status).toBe(
        'CONFIRMED',
      );
      const reason = 'Die Stelle ist doppelt angemeldet – bitte melden Sie sich bei Fragen.';
      await asAdmin(CANCEL_AS_ORGANIZER, { id: first.registration!.id, reason });

      const shown = await detail(first.registration!.id);
      expect(shown).toMatchObject({
        status: 'CANCELLED',
        firstName: erika.firstName,
        email: erika.email,
        organization: erika.organization,
        jobTitle: 'Sachgebietsleitung',
        accessibilityNeeds: 'Rollstuhl, stufenloser Zugang',
        dietaryNeeds: 'vegetarisch',
      });
      expect(shown.cancelledAt).toEqual(expect.any(String));
      const kinds = shown.history.filter((h) => !h.kind.startsWith('MAIL_'));
      expect(kinds.map((h) => [h.kind, h.actor])).toEqual([
        ['REGISTERED', 'PARTICIPANT'],
        ['WORKSHOPS_CHANGED', 'PARTICIPANT'],
        ['CANCELLED', 'ORGANIZER'],
      ]);
      expect(kinds[0].toWorkshops).toEqual([{ number: w1.number, title: w1.title }]);
      expect(kinds[1].fromWorkshops).toEqual([{ number: w1.number, title: w1.title }]);
      expect(kinds[1].toWorkshops).toEqual([{ number: w2.number, title: w2.title }]);
      expect(kinds[2]).toMatchObject({ organizerName: adminName, reason });
      // what they held when cancelled, read in the cancelling statement itself
      expect(kinds[2].fromWorkshops).toEqual([{ number: w2.number, title: w2.title }]);
      const times = shown.history.map((h) => Date.parse(h.at));
      expect([...times].sort((a, b) => a - b)).toEqual(times);

      // the waiting one got the seat, by the system, in the same transaction as the cancellation
      const promoted = await detail(second.registration!.id);
      expect(promoted.status).toBe('CONFIRMED');
      expect(
        promoted.history.filter((h) => !h.kind.startsWith('MAIL_')).map((h) => [h.kind, h.actor]),
      ).toEqual([
        ['WAITLISTED', 'PARTICIPANT'],
        ['PROMOTED', 'SYSTEM'],
      ]);

      // the cancellation mail carries the reason
      const mail = await nextMail(erika.email);
      expect(mail.text).toContain('von den Veranstaltenden storniert');
      expect(mail.text).toContain(`Begründung: ${reason}`);
      expect(mail.html).toContain('Die Stelle ist doppelt angemeldet');
    });

    it('records the mails sent and a refused one with the server’s answer', async () => {
      const f = await fixture({ phases: [[5]] });
      sink.failNext(550, 1, 'mailbox unavailable');
      const made = await register(t, { eventId: f.event.id, workshopIds: [f.workshops[0][0].id] });
      await settledMailJobs(t, made.registration!.id);
      const shown = await detail(made.registration!.id);
      expect(shown.mailStatus).toBe('FAILED');
      const failed = shown.history.find((h) => h.kind === 'MAIL_FAILED');
      expect(failed).toMatchObject({ actor: 'SYSTEM', mail: 'registration.confirmed' });
      expect(failed!.failure).toContain('mailbox unavailable');
    });

    it('is for the event’s organizers only: others get FORBIDDEN, anonymous callers nothing', async () => {
      const f = await fixture({ phases: [[5]] });
      const made = await register(t, { eventId: f.event.id, workshopIds: [f.workshops[0][0].id] });
      const id = made.registration!.id;
      const forbidden = await t.gql(DETAIL, { id }, { token: other });
      expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(forbidden)).not.toContain(made.registration!.email);
      const anonymous = await t.gql(DETAIL, { id });
      expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const unknown = await t.gql(
        DETAIL,
        { id: '00000000-0000-4000-8000-000000000000' },
        {
          token: other,
        },
      );
      expect(unknown.data).toEqual({ registration: null });
      // a participant's own read does not reveal the history
      const own = await t.gql(
        `query ($token: String!) { myRegistration(manageToken: $token) { id history { kind } } }`,
        { token: made.manageToken },
      );
      expect(own.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('refuses a cancellation reason longer than 1000 characters, naming the field', async () => {
      const f = await fixture({ phases: [[5]] });
      const made = await register(t, { eventId: f.event.id, workshopIds: [f.workshops[0][0].id] });
      const answer = await t.gql(
        CANCEL_AS_ORGANIZER,
        { id: made.registration!.id, reason: 'x'.repeat(1001) },
        { token: admin },
      );
      expect(answer.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: ['reason'],
      });
      expect((await detail(made.registration!.id)).status).toBe('CONFIRMED');
      const other1 = await t.gql(
        CANCEL_AS_ORGANIZER,
        { id: made.registration!.id },
        { token: other },
      );
      expect(other1.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await detail(made.registration!.id)).status).toBe('CONFIRMED');
    });

    it('a participant’s own cancellation is theirs in the history', async () => {
      const f = await fixture({ phases: [[5]] });
      const made = await register(t, { eventId: f.event.id, workshopIds: [f.workshops[0][0].id] });
      await cancel(t, made.manageToken!);
      const shown = await detail(made.registration!.id);
      expect(
        shown.history
          .filter((h) => !h.kind.startsWith('MAIL_'))
          .map((h) => [h.kind, h.actor, h.reason]),
      ).toEqual([
        ['REGISTERED', 'PARTICIPANT', null],
        ['CANCELLED', 'PARTICIPANT', null],
      ]);
      expect(await seats(t, f.event.id)).toMatchObject({ event: 0 });
    });
  });

  describe('moveRegistration', () => {
    const MOVE = `mutation ($id: ID!, $workshopId: ID!) { moveRegistration(id: $id, workshopId: $workshopId) {
      __typename ... on Registration { status workshops { id number } }
      ... on WorkshopFullError { errorCode message workshop { id } alternatives { id } }
      ... on InputInvalidError { errorCode field message } } }`;
    const move = async (id: string, workshopId: string, token = admin) =>
      (
        await t.data<{ moveRegistration: Record<string, unknown> }>(
          MOVE,
          { id, workshopId },
          {
            token,
          },
        )
      ).moveRegistration;

    it('moves after the cutoff, tells the participant, records who did it', async () => {
      const f = await fixture({ phases: [[5, 5], [5]] });
      const [a, b] = f.workshops[0];
      const c = f.workshops[1][0];
      const who = participant();
      const made = await register(t, {
        eventId: f.event.id,
        participant: who,
        workshopIds: [a.id, c.id],
      });
      await nextMail(who.email);
      await exec(
        `update events set registration_closes_at = now() - interval '1 minute' where id = $1`,
        [f.event.id],
      );
      const moved = await move(made.registration!.id, b.id);
      expect(moved).toMatchObject({ __typename: 'Registration', status: 'CONFIRMED' });
      expect((moved.workshops as { id: string }[]).map((w) => w.id).sort()).toEqual(
        [b.id, c.id].sort(),
      );
      expect(await seats(t, f.event.id)).toEqual({
        event: 1,
        workshop: { [a.id]: 0, [b.id]: 1, [c.id]: 1 },
      });
      const mail = await nextMail(who.email);
      expect(mail.text).toContain(b.title);
      const entry = (await detail(made.registration!.id)).history.find((h) => h.kind === 'MOVED');
      expect(entry).toMatchObject({
        actor: 'ORGANIZER',
        organizerName: adminName,
        fromWorkshops: [a, c].map((w) => ({ number: w.number, title: w.title })),
        toWorkshops: [b, c].map((w) => ({ number: w.number, title: w.title })),
      });
    });

    it('never moves beyond capacity and refuses others, cancelled ones and foreign workshops', async () => {
      const f = await fixture({ phases: [[1, 1]] });
      const [a, b] = f.workshops[0];
      const one = await register(t, { eventId: f.event.id, workshopIds: [a.id] });
      const two = await register(t, { eventId: f.event.id, workshopIds: [b.id] });
      const full = await move(one.registration!.id, b.id);
      expect(full).toMatchObject({ __typename: 'WorkshopFullError', errorCode: 'WORKSHOP_FULL' });
      expect(await seats(t, f.event.id)).toMatchObject({ workshop: { [a.id]: 1, [b.id]: 1 } });
      const forbidden = await t.gql(
        MOVE,
        { id: one.registration!.id, workshopId: b.id },
        {
          token: other,
        },
      );
      expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const elsewhere = await fixture({ phases: [[5]] });
      expect(await move(one.registration!.id, elsewhere.workshops[0][0].id)).toMatchObject({
        __typename: 'InputInvalidError',
        field: ['workshopId'],
      });
      await cancel(t, two.manageToken!);
      expect(await move(two.registration!.id, a.id)).toMatchObject({
        __typename: 'InputInvalidError',
        field: ['id'],
      });
      expect(await move(one.registration!.id, b.id)).toMatchObject({ __typename: 'Registration' });
      expect(await seats(t, f.event.id)).toMatchObject({ workshop: { [a.id]: 0, [b.id]: 1 } });
    });

    it('a move and a registration racing for the last seat: exactly one gets it', async () => {
      for (let round = 0; round < 5; round++) {
        const f = await fixture({ phases: [[5, 1]] });
        const [a, b] = f.workshops[0];
        const mover = await register(t, { eventId: f.event.id, workshopIds: [a.id] });
        const [moved, newcomer] = await Promise.all([
          move(mover.registration!.id, b.id),
          register(t, { eventId: f.event.id, workshopIds: [b.id] }),
        ]);
        const winners = [
          moved.__typename === 'Registration',
          newcomer.__typename === 'RegistrationSuccess',
        ];
        expect(winners.filter(Boolean)).toHaveLength(1);
        const now = await seats(t, f.event.id);
        expect(now.workshop[b.id]).toBe(1);
        expect(now.workshop[a.id]).toBe(winners[0] ? 0 : 1);
      }
    });
  });

  describe('resendRegistrationMail', () => {
    const RESEND = `mutation ($id: ID!) { resendRegistrationMail(id: $id) {
      __typename ... on Registration { id } ... on InputInvalidError { field message } } }`;
    const link = (mail: ParsedMail) => /\/verwalten#([A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1];

    it('sends the confirmation again with its calendar and a fresh link; the old link stops', async () => {
      const f = await fixture({ phases: [[5]] });
      const who = participant();
      const made = await register(t, {
        eventId: f.event.id,
        participant: who,
        workshopIds: [f.workshops[0][0].id],
      });
      const first = await nextMail(who.email);
      expect(link(first)).toBe(made.manageToken);
      const forbidden = await t.gql(RESEND, { id: made.registration!.id }, { token: other });
      expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const answer = await asAdmin<{ resendRegistrationMail: { __typename: string } }>(RESEND, {
        id: made.registration!.id,
      });
      expect(answer.resendRegistrationMail.__typename).toBe('Registration');
      const again = await nextMail(who.email);
      expect(again.subject).toBe(first.subject);
      expect(again.attachments.some((a) => a.contentType === 'text/calendar')).toBe(true);
      const fresh = link(again);
      expect(fresh).toBeDefined();
      expect(fresh).not.toBe(made.manageToken);
      const MINE = 'query ($token: String!) { myRegistration(manageToken: $token) { id } }';
      expect(await t.data(MINE, { token: made.manageToken })).toEqual({ myRegistration: null });
      expect(await t.data(MINE, { token: fresh })).toEqual({
        myRegistration: { id: made.registration!.id },
      });
      const entry = (await detail(made.registration!.id)).history.find(
        (h) => h.kind === 'MAIL_RESENT',
      );
      expect(entry).toMatchObject({
        actor: 'ORGANIZER',
        organizerName: adminName,
        mail: 'registration.confirmed',
      });
      await cancel(t, fresh!);
      const refused = await asAdmin<{ resendRegistrationMail: Record<string, unknown> }>(RESEND, {
        id: made.registration!.id,
      });
      expect(refused.resendRegistrationMail).toMatchObject({
        __typename: 'InputInvalidError',
        field: ['id'],
      });
    });
  });

  describe('registrations(search, workshopId)', () => {
    const LIST = `query ($eventId: ID!, $search: String, $workshopId: ID, $status: RegistrationStatus) {
      registrations(eventId: $eventId, search: $search, workshopId: $workshopId, status: $status) {
        totalCount edges { node { lastName } } } }`;

    it('finds by words in name, e-mail and organisation, and by workshop', async () => {
      const f = await fixture({ phases: [[5, 5], [5]] });
      const [a, b] = f.workshops[0];
      const c = f.workshops[1][0];
      const people = [
        {
          firstName: 'Jürgen',
          lastName: 'Größe',
          organization: 'Jugendamt Düsseldorf',
          ws: [a, c],
        },
        { firstName: 'Änne', lastName: 'Weiß', organization: 'Stadt Köln', ws: [b, c] },
        { firstName: 'Ömer', lastName: 'Çelik', organization: 'Kreis Düren 100%', ws: [a, c] },
      ];
      for (const [i, p] of people.entries()) {
        const made = await register(t, {
          eventId: f.event.id,
          participant: participant({
            firstName: p.firstName,
            lastName: p.lastName,
            organization: p.organization,
            email: `person${i}.${Date.now()}@desk.example`,
          }),
          workshopIds: p.ws.map((w) => w.id),
        });
        expect(made.__typename).toBe('RegistrationSuccess');
      }
      const names = async (vars: Record<string, unknown>) => {
        const data = await asAdmin<{
          registrations: { totalCount: number; edges: { node: { lastName: string } }[] };
        }>(LIST, { eventId: f.event.id, ...vars });
        const list = data.registrations.edges.map((e) => e.node.lastName).sort();
        expect(data.registrations.totalCount).toBe(list.length);
        return list;
      };
      expect(await names({ search: 'größe' })).toEqual(['Größe']);
      expect(await names({ search: 'DÜSSELDORF' })).toEqual(['Größe']);
      expect(await names({ search: 'jürgen düsseldorf' })).toEqual(['Größe']);
      expect(await names({ search: 'desk.example' })).toEqual(['Größe', 'Weiß', 'Çelik'].sort());
      // LIKE's wildcards are plain characters here
      expect(await names({ search: '100%' })).toEqual(['Çelik']);
      expect(await names({ search: '%' })).toEqual(['Çelik']);
      expect(await names({ search: '_' })).toEqual([]);
      expect(await names({ workshopId: a.id })).toEqual(['Größe', 'Çelik'].sort());
      expect(await names({ workshopId: c.id, search: 'köln' })).toEqual(['Weiß']);
      expect(await names({ workshopId: b.id, status: 'CANCELLED' })).toEqual([]);
      const forbidden = await t.gql(
        LIST,
        { eventId: f.event.id, search: 'größe' },
        { token: other },
      );
      expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const tooLong = await t.gql(
        LIST,
        { eventId: f.event.id, search: 'x'.repeat(201) },
        {
          token: admin,
        },
      );
      expect(tooLong.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: ['search'],
      });
    });
  });
});
