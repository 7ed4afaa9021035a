import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { startTestApp, type TestApp } from './harness/index.js';
import { addItem, addWorkshop, createEvent, day, publish } from './factories/events.js';
import { login } from './factories/organizers.js';
import { REGISTER } from './registrations-helpers.js';

// Every root field and every argument, down to each leaf of each input object,
// with the classes of input that once reached PostgreSQL and failed as 5xx:
// characters PostgreSQL text cannot hold (NUL, lone surrogates), crafted
// cursors, impossible or out-of-range dates, ids that are no UUIDs, numbers at
// and beyond Int's range. The fields and their types come from the running
// server's schema, so a new field or argument is covered without touching this
// test. Each case sends a valid baseline (real ids, tokens and slugs, so input
// gets past lookups) with one leaf replaced. Production mode, as attackers see it.

const UUID_ZERO = '00000000-0000-4000-8000-000000000000';
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Strings PostgreSQL cannot store as sent: must be refused (400, BAD_USER_INPUT) wherever they go. */
const UNSTORABLE = ['\u0000', 'a\u0000b', '\ud800', 'x\udc00y', '\udc00\ud800', 'slug\u0000.ics'];

/** Other hostile strings: any clear answer will do, but never a server error. */
const HOSTILE_STRINGS = [
  '',
  ' ',
  'x'.repeat(20_000),
  '🙂'.repeat(60),
  '\u202e\u200b\ufeff',
  "'; drop table events; --",
  '%00',
  '../../etc/passwd',
  'not-a-uuid',
  '00000000-0000-0000-0000-00000000000g',
  UUID_ZERO,
  '!!!',
  b64('x'),
  b64([null, null]),
  b64(['2027-01-01T00:00:00.000Z', 'not-a-uuid']),
  b64(['2027-01-01T00:00:00.000Z', '\u0000']),
  b64(['+275760-09-13T00:00:00.000Z', UUID_ZERO]),
  b64(['-271821-04-20T00:00:00.000Z', UUID_ZERO]),
  b64(['0000-01-01T00:00:00.000Z', UUID_ZERO]),
  b64(['2027-02-30T00:00:00.000Z', UUID_ZERO]),
  b64([1e20, UUID_ZERO]),
  '2027-02-30T10:00:00+00:00',
  '2027-06-15T24:00:00Z',
  '2027-06-15T09:00:00',
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00+23:59',
  '9999-12-31T23:59:59-23:59',
  '10000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  'x,"y"@evil.com',
  '"a b"@example.org',
  'a@example.org\r\nBcc: b@example.org',
  '+01:00',
  'Etc/GMT+14',
  'xx',
];

/** Strings no DateTime may accept: impossible dates, no offset, years JavaScript or PostgreSQL cannot hold. */
const IMPOSSIBLE_DATES = [
  '2027-02-30T10:00:00+00:00',
  '2027-06-15T24:00:00Z',
  '2027-06-15T09:00:00',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59-23:59',
  '10000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
];

const HOSTILE_INTS = [0, -1, 10_001, 2_147_483_647, -2_147_483_648, 2_147_483_648, 1e20, 1.5, '1'];
const HOSTILE_FLOATS = [0, -1, 1.5, 1e308, -1e308, 5e-324, '1'];

interface Leaf {
  /** Argument name, then input fields and list indexes. */
  path: (string | number)[];
  type: GraphQLInputType;
}

interface Case {
  field: string;
  operation: 'query' | 'mutation';
  path: (string | number)[];
  value: unknown;
  unstorable: boolean;
  anonymous: boolean;
}

/** Real values the baseline uses, so that hostile input gets past "not found". */
interface Pool {
  eventId: string;
  slug: string;
  phaseId: string;
  itemId: string;
  workshopIds: string[];
  registrationId: string;
  manageToken: string;
  at: (hm: string) => string;
}

function idFor(field: string, arg: (string | number)[], pool: Pool): string {
  const name = String(arg.at(-1) ?? '');
  const context = `${field}.${arg.join('.')}`.toLowerCase();
  if (name === 'eventId') return pool.eventId;
  if (name === 'phaseId') return pool.phaseId;
  if (name.startsWith('workshop')) return pool.workshopIds[0];
  if (context.includes('workshop')) return pool.workshopIds[1];
  if (context.includes('agendaitem')) return pool.itemId;
  if (context.includes('registration')) return pool.registrationId;
  return pool.eventId;
}

function stringFor(field: string, name: string, pool: Pool): string {
  if (/token/i.test(name)) return pool.manageToken;
  if (/email/i.test(name)) return `fuzz-${Math.random().toString(36).slice(2)}@example.org`;
  if (name === 'slug') return field === 'event' ? pool.slug : `fuzz-${Date.now()}`;
  if (name === 'password') return 'a long enough password';
  if (name === 'timeZone') return 'Europe/Berlin';
  if (name === 'language') return 'de';
  if (name === 'idempotencyKey') return `key-${Math.random()}`;
  if (name === 'after') return '';
  return 'Fuzz';
}

/** A valid value of `type` for argument path `path` of root field `field`. */
function baseline(
  field: string,
  path: (string | number)[],
  type: GraphQLInputType,
  pool: Pool,
): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const name = String(path.at(-1));
    if (name === 'workshopIds') return [pool.workshopIds[0]];
    return [baseline(field, [...path, 0], nullable.ofType, pool)];
  }
  if (isInputObjectType(nullable)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(nullable.getFields())) {
      if (isNonNullType(f.type) || f.name === 'startsAt' || f.name === 'endsAt') {
        out[f.name] = baseline(field, [...path, f.name], f.type, pool);
      }
    }
    return out;
  }
  if (isEnumType(nullable)) return nullable.getValues()[0].value as unknown;
  const name = String(path.at(-1));
  switch (nullable.name) {
    case 'ID':
      return idFor(field, path, pool);
    case 'Int':
      return name === 'first' ? 5 : 10;
    case 'Float':
      return 0.5;
    case 'Boolean':
      return name === 'privacyConsent';
    case 'DateTime':
      if (name === 'registrationClosesAt') return pool.at('08:00');
      if (name === 'registrationOpensAt') return new Date(Date.now() - 86_400_000).toISOString();
      return name === 'endsAt' ? pool.at('15:30') : pool.at('15:00');
    default:
      return stringFor(field, name, pool);
  }
}

/** Every leaf below an argument: scalars and enums, inside input objects and lists. */
function leaves(path: (string | number)[], type: GraphQLInputType, depth = 0): Leaf[] {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return leaves([...path, 0], nullable.ofType, depth);
  if (isInputObjectType(nullable) && depth < 4) {
    return Object.values(nullable.getFields()).flatMap((f) =>
      leaves([...path, f.name], f.type, depth + 1),
    );
  }
  return [{ path, type }];
}

/**
 * `count` values of `values`, a different window for each turn: leaves take
 * turns, so every value is sent while each leaf costs only a few requests.
 */
function rotate<T>(values: readonly T[], count: number, turn: number): T[] {
  return Array.from({ length: Math.min(count, values.length) }, (_, i) => {
    return values[(turn * count + i) % values.length];
  });
}

function hostileValues(type: GraphQLInputType, turn: number): unknown[] {
  const named = getNamedType(type);
  const always = [null];
  if (isEnumType(named)) return [...always, 'NOPE', ...rotate(UNSTORABLE, 1, turn)];
  if (!isScalarType(named)) return always;
  switch (named.name) {
    case 'Int':
      return [...always, ...rotate(HOSTILE_INTS, 4, turn)];
    case 'Float':
      return [...always, ...rotate(HOSTILE_FLOATS, 3, turn)];
    case 'Boolean':
      return [...always, 'true'];
    default:
      return [
        ...always,
        ...rotate(UNSTORABLE, 2, turn),
        ...(named.name === 'DateTime' ? rotate(IMPOSSIBLE_DATES, 3, turn) : []),
        ...rotate(HOSTILE_STRINGS, 4, turn),
      ];
  }
}

function setIn(target: Record<string, unknown>, path: (string | number)[], value: unknown): void {
  let cursor: Record<string | number, unknown> = target;
  for (const key of path.slice(0, -1)) {
    const next = cursor[key];
    if (next === null || typeof next !== 'object') cursor[key] = typeof key === 'number' ? [] : {};
    cursor = cursor[key] as Record<string | number, unknown>;
  }
  cursor[path.at(-1)!] = value;
}

/** `__typename` and the scalar fields without arguments of a result, on every union member. */
function selection(type: GraphQLOutputType): string {
  const named: GraphQLNamedType = getNamedType(type);
  const scalars = (t: GraphQLNamedType) =>
    isObjectType(t)
      ? Object.values(t.getFields())
          .filter((f) => f.args.length === 0 && isScalarOrEnum(f.type))
          .map((f) => f.name)
          .join(' ')
      : '';
  if (isUnionType(named)) {
    return `{ __typename ${named
      .getTypes()
      .map((m) => `... on ${m.name} { ${scalars(m)} }`)
      .join(' ')} }`;
  }
  if (isObjectType(named)) return `{ __typename ${scalars(named)} }`;
  return '';
}

function isScalarOrEnum(type: GraphQLOutputType): boolean {
  const named = getNamedType(type);
  return isScalarType(named) || isEnumType(named);
}

function document(operation: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const vars = field.args.map((a: GraphQLArgument) => `$${a.name}: ${a.type.toString()}`);
  const args = field.args.map((a) => `${a.name}: $${a.name}`);
  return `${operation}${vars.length ? `(${vars.join(', ')})` : ''} { ${field.name}${
    args.length ? `(${args.join(', ')})` : ''
  } ${selection(field.type)} }`;
}

// a stack frame (raw or JSON-escaped newline, then `at …:line:column`), or a source path
const STACK = /(\\n|\n)\s+at [^\n]*:\d+:\d+|stacktrace|node_modules|\/dist\/|\.[jt]s:\d+/;

// Mutations that take away what later cases need run last.
const DESTRUCTIVE = /^(remove|cancel|publish)/;

describe('fuzzing every root field and argument from the schema', () => {
  let t: TestApp;
  let schema: GraphQLSchema;
  let token: string;
  let pool: Pool;

  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: 'production' });
    schema = t.app.get(GraphQLSchemaHost).schema;
    token = await login(t);
    const at = day(90);
    const event = await createEvent(t, token, { capacity: 500 }, 90);
    const phase = await addItem(t, token, event.id, {
      kind: 'WORKSHOP_PHASE',
      title: 'Phase',
      startsAt: at('11:00'),
      endsAt: at('12:30'),
    });
    const item = await addItem(t, token, event.id, {
      kind: 'KEYNOTE',
      title: 'Keynote',
      startsAt: at('10:00'),
      endsAt: at('11:00'),
    });
    const workshops = [
      await addWorkshop(t, token, phase.id, { title: 'A', capacity: 200 }),
      await addWorkshop(t, token, phase.id, { title: 'B', capacity: 200 }),
    ];
    await publish(t, token, event.id);
    const registered = await t.data<{
      register: { manageToken: string; registration: { id: string } };
    }>(REGISTER, {
      input: {
        eventId: event.id,
        participant: { firstName: 'Erika', lastName: 'Muster', email: 'erika@example.org' },
        workshopIds: [workshops[0].id],
        privacyConsent: true,
      },
    });
    pool = {
      eventId: event.id,
      slug: event.slug,
      phaseId: phase.id,
      itemId: item.id,
      workshopIds: workshops.map((w) => w.id),
      registrationId: registered.register.registration.id,
      manageToken: registered.register.manageToken,
      at,
    };
  });
  afterAll(() => t.close());

  const send = async (c: Case, query: string, variables: Record<string, unknown>) => {
    const res = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(c.anonymous ? {} : { authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, text: await res.text() };
  };

  /** Runs `work` over `items` with a few requests in flight at once. */
  async function pooled<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < items.length) await work(items[next++]);
      }),
    );
  }

  it('answers every hostile argument with a client error, never 5xx', async () => {
    const started = Date.now();
    const roots = [
      ['query', schema.getQueryType()],
      ['mutation', schema.getMutationType()],
    ] as const;
    const fields = roots.flatMap(([operation, type]) =>
      Object.values(type?.getFields() ?? {}).map((field) => ({ operation, field })),
    );
    fields.sort(
      (a, b) => Number(DESTRUCTIVE.test(a.field.name)) - Number(DESTRUCTIVE.test(b.field.name)),
    );
    const failures: string[] = [];
    const covered = new Set<string>();
    let cases = 0;
    let turn = 0;
    for (const { operation, field } of fields) {
      const query = document(operation, field);
      const batch: { c: Case; variables: Record<string, unknown> }[] = [];
      for (const arg of field.args) {
        for (const leaf of leaves([arg.name], arg.type)) {
          covered.add(`${field.name}.${leaf.path.join('.')}`);
          for (const [i, value] of hostileValues(leaf.type, turn++).entries()) {
            const variables: Record<string, unknown> = {};
            for (const a of field.args)
              variables[a.name] = baseline(field.name, [a.name], a.type, pool);
            setIn(variables, leaf.path, value);
            const unstorable =
              typeof value === 'string' &&
              (UNSTORABLE.includes(value) ||
                (getNamedType(leaf.type).name === 'DateTime' && IMPOSSIBLE_DATES.includes(value)));
            batch.push({
              c: {
                field: field.name,
                operation,
                path: leaf.path,
                value,
                unstorable,
                anonymous: i % 3 === 0,
              },
              variables,
            });
          }
        }
      }
      await pooled(batch, async ({ c, variables }) => {
        const answer = await send(c, query, variables);
        cases++;
        const where = `${c.field}(${c.path.join('.')} = ${JSON.stringify(c.value)?.slice(0, 60)})`;
        if (
          answer.status >= 500 ||
          /INTERNAL_SERVER_ERROR/.test(answer.text) ||
          STACK.test(answer.text)
        ) {
          failures.push(`${where}: ${answer.status} ${answer.text.slice(0, 300)}`);
        } else if (c.unstorable && (answer.status !== 400 || !/BAD_USER_INPUT/.test(answer.text))) {
          failures.push(`${where} was not refused: ${answer.status} ${answer.text.slice(0, 300)}`);
        }
      });
    }
    process.stdout.write(
      `schema fuzz: ${cases} cases over ${covered.size} argument leaves in ${Date.now() - started} ms\n`,
    );
    expect(failures).toEqual([]);
    // the schema's arguments really were walked (a broken walk must not pass as "no failures")
    expect(covered.size).toBeGreaterThan(60);
    expect(cases).toBeGreaterThan(600);
    expect([...covered]).toEqual(
      expect.arrayContaining([
        'event.slug',
        'events.after',
        'registrations.after',
        'createEvent.input.startsAt',
        'register.input.participant.email',
        'register.input.workshopIds.0',
      ]),
    );
  }, 90_000);

  it('answers hostile path segments of every HTTP route with a client error', async () => {
    const router = (
      t.app.getHttpAdapter().getInstance() as {
        router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
      }
    ).router;
    const routes = router.stack
      .map((layer) => layer.route)
      .filter((route): route is { path: string; methods: Record<string, boolean> } => !!route)
      .filter((route) => route.methods.get);
    expect(routes.map((r) => r.path)).toEqual(
      expect.arrayContaining(['/calendar/events/:file', '/calendar/registrations/:file']),
    );
    const segments = [
      '%00',
      'a%00b.ics',
      '%00.ics',
      `${encodeURIComponent(pool.slug)}%00.ics`,
      '%ED%A0%80.ics',
      '%C0%80.ics',
      '%E0.ics',
      '%FF%FE.ics',
      '..%2F..%2Fetc%2Fpasswd',
      `${'a'.repeat(5000)}.ics`,
      `${encodeURIComponent(pool.slug)}.ics`,
      'not-a-uuid.ics',
      `${UUID_ZERO}.ics`,
      `${b64(['+275760-09-13T00:00:00.000Z', UUID_ZERO])}.ics`,
      encodeURIComponent('🙂.ics'),
    ];
    const failures: string[] = [];
    for (const route of routes) {
      // Express 5 paths: `:name` is one segment, `{/*name}` / `*name` any rest of the path
      const concrete = (segment: string) =>
        route.path
          .replace(/\{\/\*[A-Za-z]+\}/g, `/${segment}`)
          .replace(/\*[A-Za-z]+/g, segment)
          .replace(/:[A-Za-z]+/g, segment)
          .replace(/[{}]/g, '');
      const paths = /[:*]/.test(route.path)
        ? segments.map(concrete)
        : [`${route.path}?x=%00`, `${route.path}/%00`];
      for (const path of paths) {
        const res = await fetch(`${t.baseUrl}${path}`);
        const text = await res.text();
        if (res.status >= 500 || STACK.test(text)) {
          failures.push(`${path.slice(0, 80)}: ${res.status} ${text.slice(0, 200)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
