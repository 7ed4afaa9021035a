import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addItem, addWorkshop, createEvent, day, eventInput, publish } from './factories/events.js';
import { createOrganizer, login } from './factories/organizers.js';
import { register } from './registrations-helpers.js';
import { startTestApp, type TestApp } from './harness/index.js';

/**
 * Messages in the reader's language (issue 11, rough edge "Languages"): thrown
 * errors follow the request's Accept-Language (English when it names neither
 * German nor English), texts about one event (agenda warnings, like the capacity
 * hints) the event's language. Codes never change.
 */
const CREATE = `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`;
const PUBLISH = `mutation($id: ID!) { publishEvent(id: $id) { id status } }`;
const EVENT = `query($id: ID!) { event(id: $id) { id agendaWarnings { code message } } }`;
const ITEM = `mutation($eventId: ID!, $input: AgendaItemInput!) { addAgendaItem(eventId: $eventId, input: $input) { id } }`;

describe('messages in the reader’s language', () => {
  let t: TestApp;
  let owner: { token: string; id: string };
  let stranger: { token: string; id: string };
  const at = day(60);
  const lang = (value: string) => ({ 'accept-language': value });

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await login(t);
    owner = await createOrganizer(t, admin);
    stranger = await createOrganizer(t, admin);
  });
  afterAll(() => t.close());

  it('answers a refused input in German or English by Accept-Language, same code and field', async () => {
    const input = eventInput(60, { timeZone: '+01:00' });
    const german = await t.gql(
      CREATE,
      { input },
      { token: owner.token, headers: lang('de-DE,de;q=0.9,en;q=0.8') },
    );
    const english = await t.gql(CREATE, { input }, { token: owner.token, headers: lang('en-GB') });
    const none = await t.gql(CREATE, { input }, { token: owner.token });
    const french = await t.gql(
      CREATE,
      { input },
      { token: owner.token, headers: lang('fr-FR, de;q=0.5') },
    );
    const onlyFrench = await t.gql(CREATE, { input }, { token: owner.token, headers: lang('fr') });

    for (const res of [german, english, none, french, onlyFrench]) {
      expect(res.errors?.[0].extensions).toEqual({
        code: 'BAD_USER_INPUT',
        field: ['timeZone'],
        messageKey: 'event.timeZone',
        messageParams: { zone: '+01:00' },
      });
    }
    expect(german.errors?.[0].message).toBe("'+01:00' ist keine IANA-Zeitzone wie Europe/Berlin.");
    expect(english.errors?.[0].message).toBe(
      "'+01:00' is not an IANA time zone, e.g. Europe/Berlin.",
    );
    expect(none.errors?.[0].message).toBe(english.errors?.[0].message);
    expect(french.errors?.[0].message).toBe(german.errors?.[0].message); // the first language we have
    expect(onlyFrench.errors?.[0].message).toBe(english.errors?.[0].message);
  });

  it('speaks German for not found, not allowed and not logged in', async () => {
    const event = await createEvent(t, owner.token);
    const missing = await t.gql(
      PUBLISH,
      { id: '00000000-0000-4000-8000-000000000000' },
      { token: owner.token, headers: lang('de') },
    );
    expect(missing.errors?.[0]).toMatchObject({
      message: "Die Veranstaltung '00000000-0000-4000-8000-000000000000' gibt es nicht.",
      extensions: { code: 'NOT_FOUND' },
    });
    const foreign = await t.gql(
      PUBLISH,
      { id: event.id },
      { token: stranger.token, headers: lang('de') },
    );
    expect(foreign.errors?.[0]).toMatchObject({
      message: 'Dieses Konto darf diese Veranstaltung nicht verwalten.',
      extensions: { code: 'FORBIDDEN' },
    });
    const anonymous = await t.gql(PUBLISH, { id: event.id }, { headers: lang('de') });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(anonymous.errors?.[0].message).toMatch(/^Melden Sie sich zuerst als Organisator an/);
    const badToken = await t.gql(
      PUBLISH,
      { id: event.id },
      { token: 'nonsense', headers: lang('de') },
    );
    expect(badToken.errors?.[0].message).toBe(
      'Das Zugangstoken ist ungültig oder abgelaufen; melden Sie sich erneut an.',
    );
  });

  it('writes agenda warnings in the event’s language', async () => {
    const warningsOf = async (language: string) => {
      const event = await createEvent(t, owner.token, { language });
      await addItem(t, owner.token, event.id, {
        kind: 'WORKSHOP_PHASE',
        title: 'Arbeitsphase I',
        startsAt: at('11:00'),
        endsAt: at('12:30'),
      });
      const res = await t.data<{
        event: { agendaWarnings: Array<{ code: string; message: string }> };
      }>(EVENT, { id: event.id }, { token: owner.token });
      return res.event.agendaWarnings;
    };
    expect(await warningsOf('de')).toEqual([
      {
        code: 'PHASE_WITHOUT_WORKSHOPS',
        message: "'Arbeitsphase I' hat noch keine Workshops: Teilnehmende können keinen wählen.",
      },
    ]);
    expect(await warningsOf('en')).toEqual([
      {
        code: 'PHASE_WITHOUT_WORKSHOPS',
        message: "'Arbeitsphase I' has no workshops yet: participants cannot choose one.",
      },
    ]);
  });

  it('refuses publishing in German, each problem in German too', async () => {
    const event = await createEvent(t, owner.token, { capacity: 50 });
    const phase = await addItem(t, owner.token, event.id, {
      kind: 'WORKSHOP_PHASE',
      title: 'Arbeitsphase II',
      startsAt: at('13:00'),
      endsAt: at('14:30'),
    });
    const refused = await t.gql(
      PUBLISH,
      { id: event.id },
      { token: owner.token, headers: lang('de') },
    );
    const problem =
      "'Arbeitsphase II' hat noch keine Workshops: Teilnehmende können keinen wählen.";
    expect(refused.errors?.[0]).toMatchObject({
      message: `Die Veranstaltung kann noch nicht veröffentlicht werden: ${problem}`,
      extensions: {
        code: 'PUBLISHING_BLOCKED',
        problems: [{ code: 'PHASE_WITHOUT_WORKSHOPS', message: problem, agendaItemId: phase.id }],
      },
    });
    // an overlapping agenda item: a refusal with a value in it
    const overlap = await t.gql(
      ITEM,
      {
        eventId: event.id,
        input: { kind: 'TALK', title: 'Vortrag', startsAt: at('13:30'), endsAt: at('14:00') },
      },
      { token: owner.token, headers: lang('de') },
    );
    expect(overlap.errors?.[0].message).toBe(
      "Der Programmpunkt überschneidet sich mit 'Arbeitsphase II'; Programmpunkte folgen aufeinander (parallele Angebote sind Workshops einer WORKSHOP_PHASE).",
    );
    await addWorkshop(t, owner.token, phase.id, { title: 'Eins', capacity: 50 });
    const published = await t.gql(
      PUBLISH,
      { id: event.id },
      { token: owner.token, headers: lang('de') },
    );
    expect(published.errors).toBeUndefined();
  });

  it('answers participants in the event’s language, codes unchanged', async () => {
    const refusal = async (language: string) => {
      const event = await createEvent(t, owner.token, { language });
      await publish(t, owner.token, event.id);
      const bad = await register(t, {
        eventId: event.id,
        workshopIds: [],
        participant: { firstName: 'Erika', lastName: 'Muster', email: 'x,"y"@evil.com' },
      });
      const choice = await register(t, { eventId: event.id, workshopIds: ['no-such-workshop'] });
      return [bad, choice].map((r) => ({
        typename: r.__typename,
        code: r.errorCode,
        message: r.message,
      }));
    };
    expect(await refusal('de')).toEqual([
      {
        typename: 'InputInvalidError',
        code: 'INPUT_INVALID',
        message: 'email ist keine gültige E-Mail-Adresse',
      },
      {
        typename: 'InvalidWorkshopSelectionError',
        code: 'INVALID_WORKSHOP_SELECTION',
        message: "'no-such-workshop' ist kein Workshop dieser Veranstaltung.",
      },
    ]);
    expect(await refusal('en')).toEqual([
      {
        typename: 'InputInvalidError',
        code: 'INPUT_INVALID',
        message: 'email is not a valid e-mail address',
      },
      {
        typename: 'InvalidWorkshopSelectionError',
        code: 'INVALID_WORKSHOP_SELECTION',
        message: "Workshop 'no-such-workshop' is not a workshop of this event.",
      },
    ]);
  });
});
