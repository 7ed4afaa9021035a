import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { startTestApp, type TestApp } from './harness/index.js';
import { addItem, addWorkshop, createEvent, day, publish } from './factories/events.js';
import { createOrganizer, login } from './factories/organizers.js';
import { register } from './registrations-helpers.js';

// Authorization everywhere: every root field is classified below, and every
// organizer-only one is called anonymously (→ UNAUTHENTICATED) and with the
// token of an organizer who does not own the target (→ FORBIDDEN).
//
// A new root field must be classified in one of the tables below: the
// classification test fails until it is.

/** Root fields only organizers may use. `owned`: names the fixture each ID argument points to; without it any organizer may call the field (no FORBIDDEN case). */
const ORGANIZER_ONLY: Record<string, { owned?: Record<string, FixtureId>; note?: string }> = {
  // Query
  registrations: { owned: { eventId: 'eventId' } },
  managedEvents: { note: "each organizer sees their own events; there is nobody else's to refuse" },
  organizers: { note: 'admins only: a non-admin token gets FORBIDDEN' },
  registration: { owned: { id: 'registrationId' } },
  waitingList: { owned: { eventId: 'eventId' } },
  // Mutation
  createEvent: {},
  updateEvent: { owned: { id: 'eventId' } },
  publishEvent: { owned: { id: 'eventId' } },
  cancelEvent: { owned: { id: 'eventId' } },
  addAgendaItem: { owned: { eventId: 'eventId' } },
  updateAgendaItem: { owned: { id: 'agendaItemId' } },
  removeAgendaItem: { owned: { id: 'agendaItemId' } },
  addWorkshop: { owned: { phaseId: 'phaseId' } },
  updateWorkshop: { owned: { id: 'workshopId' } },
  removeWorkshop: { owned: { id: 'workshopId' } },
  cancelRegistrationAsOrganizer: { owned: { id: 'registrationId' } },
  moveRegistration: { owned: { id: 'registrationId', workshopId: 'workshopId' } },
  resendRegistrationMail: { owned: { id: 'registrationId' } },
  registerOnBehalf: { owned: { eventId: 'eventId' } },
  promoteRegistration: { owned: { id: 'registrationId' } },
  createOrganizer: { note: 'admins only: a non-admin token gets FORBIDDEN' },
  unpublishEvent: { owned: { id: 'eventId' } },
  copyEvent: { owned: { id: 'eventId' } },
  changePassword: { note: "the caller's own account only" },
  deactivateOrganizer: { note: 'admins only: a non-admin token gets FORBIDDEN' },
  reactivateOrganizer: { note: 'admins only: a non-admin token gets FORBIDDEN' },
};

/** Root fields open to anonymous callers; participants' own data is guarded by the manage token. */
const PUBLIC = new Set([
  'viewer',
  'events',
  'event',
  'login',
  'register',
  'myRegistration',
  'updateRegistration',
  'cancelRegistration',
  'requestManageLink',
  // a pure conversion of wall-clock times, no data
  'localTimesToInstants',
]);

type FixtureId = 'eventId' | 'agendaItemId' | 'phaseId' | 'workshopId' | 'registrationId';

interface OrganizerFixtures {
  /** Token of the configured (admin) organizer, who owns the ids below. */
  ownerToken: string;
  /** Token of an organizer who owns none of the ids below. */
  otherToken: string;
  ids: Record<FixtureId, string>;
  manageToken: string;
  calendarUrl: string;
}

/** Objects owned by the configured test organizer, and another organizer's token. */
async function organizerFixtures(t: TestApp): Promise<OrganizerFixtures> {
  const ownerToken = await login(t);
  const event = await createEvent(t, ownerToken);
  const at = day(60);
  const phase = await addItem(t, ownerToken, event.id, {
    kind: 'WORKSHOP_PHASE',
    title: 'Arbeitsphase I',
    startsAt: at('11:30'),
    endsAt: at('13:00'),
  });
  const workshop = await addWorkshop(t, ownerToken, phase.id, { title: 'Workshop', capacity: 20 });
  await publish(t, ownerToken, event.id);
  const made = await register(t, { eventId: event.id, workshopIds: [workshop.id] });
  const other = await createOrganizer(t, ownerToken);
  return {
    ownerToken,
    otherToken: other.token,
    ids: {
      eventId: event.id,
      agendaItemId: phase.id,
      phaseId: phase.id,
      workshopId: workshop.id,
      registrationId: made.registration!.id,
    },
    manageToken: made.manageToken!,
    calendarUrl: made.registration!.calendarUrl,
  };
}

/** A token of the same shape as `token` that differs in its last characters. */
const wrongToken = (token: string) =>
  `${token.slice(0, -4)}${token.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;

// The committed, generated schema decides which tests exist (jest collects
// tests before any app runs); the live schema is checked against the tables.
const SCHEMA = buildSchema(readFileSync(join(process.cwd(), 'schema.graphql'), 'utf8'));
const rootFields = (schema: GraphQLSchema) => [
  ...Object.values(schema.getQueryType()?.getFields() ?? {}).map((f) => ({ op: 'query', f })),
  ...Object.values(schema.getMutationType()?.getFields() ?? {}).map((f) => ({ op: 'mutation', f })),
];

const FORGED_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.forged';

/** One valid anonymous call of every public read (a new one must be added: a test says so). */
const PUBLIC_READS: Record<
  string,
  (f: OrganizerFixtures) => { query: string; variables?: Record<string, unknown> }
> = {
  viewer: () => ({ query: '{ viewer { id } }' }),
  events: () => ({ query: '{ events { edges { node { id } } } }' }),
  event: (f) => ({
    query: 'query ($id: ID) { event(id: $id) { id } }',
    variables: { id: f.ids.eventId },
  }),
  myRegistration: (f) => ({
    query: 'query ($token: String!) { myRegistration(manageToken: $token) { id } }',
    variables: { token: f.manageToken },
  }),
  localTimesToInstants: () => ({
    query:
      'query ($times: [String!]!) { localTimesToInstants(localTimes: $times, timeZone: "Europe/Berlin") }',
    variables: { times: ['2030-01-15T09:00'] },
  }),
};

const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

/** A value of the given input type with every required field filled. */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined)
        value[field.name] = sample(field.type);
    }
    return value;
  }
  if (isScalarType(type)) {
    const scalars: Record<string, unknown> = {
      ID: PLACEHOLDER_ID,
      String: 'x',
      Int: 1,
      Float: 0.5,
      Boolean: true,
      DateTime: new Date(Date.now() + 60 * 86_400_000).toISOString(),
    };
    if (type.name in scalars) return scalars[type.name];
  }
  throw new Error(
    `no sample for input type ${String(type)}: extend sample() in authorization.e2e-spec.ts`,
  );
}

/** The operation calling one root field with every required argument as a variable. */
function operation(
  op: string,
  field: GraphQLField<unknown, unknown>,
  ids: Partial<Record<string, string>> = {},
) {
  const args = field.args.filter(
    (a: GraphQLArgument) => isNonNullType(a.type) && a.defaultValue === undefined,
  );
  const params = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const call = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  const variables = Object.fromEntries(args.map((a) => [a.name, ids[a.name] ?? sample(a.type)]));
  return {
    query: `${op}${params ? `(${params})` : ''} { ${field.name}${call ? `(${call})` : ''}${selection} }`,
    variables,
  };
}

describe('authorization', () => {
  let t: TestApp;
  let fixtures: OrganizerFixtures;
  beforeAll(async () => {
    t = await startTestApp();
    fixtures = await organizerFixtures(t);
  });
  afterAll(() => t.close());

  it('classifies every root field as organizer-only or public, so none slips through', () => {
    const live = t.app.get(GraphQLSchemaHost).schema;
    const unclassified = rootFields(live)
      .map(({ f }) => f.name)
      .filter((name) => !(name in ORGANIZER_ONLY) && !PUBLIC.has(name));
    expect(unclassified).toEqual([]);
    // and nothing is classified that the schema does not have (its checks would test nothing)
    const names = new Set(rootFields(live).map(({ f }) => f.name));
    expect([...Object.keys(ORGANIZER_ONLY), ...PUBLIC].filter((n) => !names.has(n))).toEqual([]);
    // the committed schema is the live one (else `npm run schema`)
    expect(
      rootFields(SCHEMA)
        .map(({ f }) => f.name)
        .sort(),
    ).toEqual(
      rootFields(live)
        .map(({ f }) => f.name)
        .sort(),
    );
  });

  for (const name of Object.keys(ORGANIZER_ONLY)) {
    const found = rootFields(SCHEMA).find(({ f }) => f.name === name);
    if (!found) {
      // a classified field the schema lacks is an error in this table, never a skipped check
      it(`${name}: is a root field of schema.graphql`, () => {
        throw new Error(
          `${name} is classified as organizer-only but schema.graphql has no such root field`,
        );
      });
      continue;
    }
    it(`${name}: refuses anonymous callers with UNAUTHENTICATED`, async () => {
      const { query, variables } = operation(found.op, found.f);
      const res = await t.gql(query, variables);
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
      expect(res.data?.[name as never] ?? null).toBeNull();
    });
    it(`${name}: refuses a forged or expired bearer token with UNAUTHENTICATED`, async () => {
      const { query, variables } = operation(found.op, found.f);
      const res = await t.gql(query, variables, {
        token: FORGED_TOKEN,
      });
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    });
    const owned = ORGANIZER_ONLY[name].owned;
    if (!owned) continue;
    it(`${name}: refuses another organizer with FORBIDDEN`, async () => {
      const ids = Object.fromEntries(
        Object.entries(owned).map(([arg, id]) => [arg, fixtures.ids[id]]),
      );
      const { query, variables } = operation(found.op, found.f, ids);
      const res = await t.gql(query, variables, { token: fixtures.otherToken });
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    });
  }

  // a token that is sent but invalid is UNAUTHENTICATED on public reads too (docs/decisions.md),
  // never silently anonymous
  it('has a valid anonymous call of every public read, for the forged-token checks below', () => {
    const reads = rootFields(SCHEMA)
      .filter(({ op, f }) => op === 'query' && PUBLIC.has(f.name))
      .map(({ f }) => f.name);
    expect(Object.keys(PUBLIC_READS).sort()).toEqual(reads.sort());
  });
  for (const [name, call] of Object.entries(PUBLIC_READS)) {
    it(`${name}: refuses a forged bearer token with UNAUTHENTICATED, never answers as anonymous`, async () => {
      const { query, variables } = call(fixtures);
      const anonymous = await t.gql(query, variables);
      expect(anonymous.errors).toBeUndefined();
      const res = await t.gql(query, variables, { token: FORGED_TOKEN });
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
      expect(res.data?.[name as never] ?? null).toBeNull();
    });
  }

  it('registrations: only the event organizer sees participants and their e-mail addresses', async () => {
    const query = `query($id: ID!) { registrations(eventId: $id) { totalCount edges { node { email } } } }`;
    const own = await t.gql<{ registrations: { totalCount: number } }>(
      query,
      { id: fixtures.ids.eventId },
      { token: fixtures.ownerToken },
    );
    expect(own.data?.registrations.totalCount).toBe(1);
    const foreign = await t.gql(
      query,
      { id: fixtures.ids.eventId },
      { token: fixtures.otherToken },
    );
    expect(foreign.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(foreign)).not.toContain('@example.org');
  });

  // an organizer-only field of a public object (as Event.registrationCount)
  it('Workshop.waitingCount: only the event organizer sees it', async () => {
    const query = `query($id: ID) { event(id: $id) { id agenda { workshops { waitingCount } } } }`;
    const own = await t.gql(query, { id: fixtures.ids.eventId }, { token: fixtures.ownerToken });
    expect(own.errors).toBeUndefined();
    const foreign = await t.gql(
      query,
      { id: fixtures.ids.eventId },
      { token: fixtures.otherToken },
    );
    expect(new Set(foreign.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
    const anonymous = await t.gql(query, { id: fixtures.ids.eventId });
    expect(new Set(anonymous.errors?.map((e) => e.extensions?.code))).toEqual(
      new Set(['UNAUTHENTICATED']),
    );
    expect(JSON.stringify([foreign.data, anonymous.data])).not.toMatch(/waitingCount":\d/);
  });

  it('myRegistration / updateRegistration / cancelRegistration: a wrong and an unknown manage token give identical answers', async () => {
    const wrong = wrongToken(fixtures.manageToken);
    const unknown = 'nothing-like-a-token';
    const calls = [
      [`query($t: String!) { myRegistration(manageToken: $t) { id } }`],
      [
        `mutation($t: String!) { updateRegistration(manageToken: $t, input: { participant: null }) { __typename ... on ErrorResult { errorCode message } } }`,
      ],
      [
        `mutation($t: String!) { cancelRegistration(manageToken: $t) { __typename ... on ErrorResult { errorCode message } } }`,
      ],
    ];
    for (const [query] of calls) {
      const a = await t.gql(query, { t: wrong });
      const b = await t.gql(query, { t: unknown });
      expect(a.status).toBe(b.status);
      expect(a.data).toEqual(b.data);
      expect(a.errors).toEqual(b.errors);
    }
    // the right token still works: nothing above changed the registration
    const mine = await t.gql<{ myRegistration: { id: string } }>(calls[0][0], {
      t: fixtures.manageToken,
    });
    expect(mine.data?.myRegistration.id).toBe(fixtures.ids.registrationId);
  });

  it('GET /calendar/registrations/<token>: a wrong and an unknown token give identical answers', async () => {
    const base = `${t.baseUrl}/calendar/registrations`;
    const a = await fetch(`${base}/${wrongToken(fixtures.manageToken)}.ics`);
    const b = await fetch(`${base}/unknown-token.ics`);
    expect([a.status, b.status]).toEqual([404, 404]);
    expect(await a.text()).toBe(await b.text());
    const own = await fetch(fixtures.calendarUrl.replace(t.config.publicBaseUrl, t.baseUrl));
    expect(own.status).toBe(200);
  });
});
