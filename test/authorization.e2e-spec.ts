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

// Authorization everywhere: every root field is classified below, and every
// organizer-only one is called anonymously (→ UNAUTHENTICATED) and with the
// token of an organizer who does not own the target (→ FORBIDDEN).
//
// TODO(lead, after merging organizers-events and registrations):
// - fill `organizerFixtures` with the factories (login, createOrganizer, createEvent,
//   agenda items, workshops, a registration), so the cross-organizer calls run;
// - classify every new root field in the tables (the classification test fails until then).

/** Root fields only organizers may use. `owned`: names the fixture each ID argument points to; without it any organizer may call the field (no FORBIDDEN case). */
const ORGANIZER_ONLY: Record<string, { owned?: Record<string, FixtureId>; note?: string }> = {
  // Query
  registrations: { owned: { eventId: 'eventId' } },
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
  createOrganizer: { note: 'admins only: a non-admin token gets FORBIDDEN' },
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
]);

type FixtureId = 'eventId' | 'agendaItemId' | 'phaseId' | 'workshopId';

interface OrganizerFixtures {
  /** Token of an organizer who owns none of the ids below. */
  otherToken: string;
  ids: Record<FixtureId, string>;
}

/** Objects owned by the configured test organizer, and another organizer's token. */
async function organizerFixtures(_t: TestApp): Promise<OrganizerFixtures | undefined> {
  return undefined; // TODO(lead): build with test/factories after the merge
}

// The committed, generated schema decides which tests exist (jest collects
// tests before any app runs); the live schema is checked against the tables.
const SCHEMA = buildSchema(readFileSync(join(process.cwd(), 'schema.graphql'), 'utf8'));
const rootFields = (schema: GraphQLSchema) => [
  ...Object.values(schema.getQueryType()?.getFields() ?? {}).map((f) => ({ op: 'query', f })),
  ...Object.values(schema.getMutationType()?.getFields() ?? {}).map((f) => ({ op: 'mutation', f })),
];

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
      DateTime: '2030-06-19T09:00:00+02:00',
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
  let fixtures: OrganizerFixtures | undefined;
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
      it.todo(`${name}: refuses anonymous callers (field not in schema.graphql yet)`);
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
        token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.forged',
      });
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    });
    const owned = ORGANIZER_ONLY[name].owned;
    if (!owned) continue;
    it(`${name}: refuses another organizer with FORBIDDEN`, async () => {
      if (!fixtures) {
        throw new Error(
          'organizerFixtures() is not implemented yet: complete test/authorization.e2e-spec.ts',
        );
      }
      const ids = Object.fromEntries(
        Object.entries(owned).map(([arg, id]) => [arg, fixtures!.ids[id]]),
      );
      const { query, variables } = operation(found.op, found.f, ids);
      const res = await t.gql(query, variables, { token: fixtures.otherToken });
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    });
  }

  it.todo(
    'registrations: the owner sees participants; e-mail addresses only with the event organizer token',
  );
  it.todo(
    'myRegistration / updateRegistration / cancelRegistration: a wrong and an unknown manage token give identical answers',
  );
  it.todo(
    'GET /calendar/registrations/<token>: a wrong and an unknown manage token give identical answers',
  );
});
