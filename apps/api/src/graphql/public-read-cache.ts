import { isUuid } from '@fachtag/common';
import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import {
  Kind,
  print,
  visit,
  type DocumentNode,
  type FormattedExecutionResult,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import { APP_CONFIG, type AppConfig } from '@fachtag/config';
import { sql } from '@fachtag/database';
import { registrationWindow, windowChangesAt, type RegistrationWindowInput } from '@fachtag/events';
import { workshopSeatsVersionSql } from '@fachtag/seating';
import type { GraphQLContext } from './context.js';

/** Which event an anonymous `event(…)` query asks for. */
export type EventTarget = { column: 'slug' | 'id'; value: string };

/**
 * What a cached answer was computed from. `value` compares the database state;
 * `expiresAt` is the next instant at which the clock alone changes the answer
 * (registration opening or closing).
 */
export interface Fingerprint {
  value: string;
  expiresAt: number;
}

/**
 * The event a query document reads, when it is exactly one root field `event`
 * with a slug or an id (literal or variable); null for anything else.
 */
export function eventTarget(
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): EventTarget | null {
  if (operation.operation !== 'query') return null;
  const [field, ...rest] = operation.selectionSet.selections;
  if (rest.length > 0 || field?.kind !== Kind.FIELD || field.name.value !== 'event') return null;
  if (field.directives?.length || (field.arguments?.length ?? 0) !== 1) return null;
  const [arg] = field.arguments!;
  const value =
    arg.value.kind === Kind.STRING
      ? arg.value.value
      : arg.value.kind === Kind.VARIABLE
        ? variables?.[arg.value.name.value]
        : undefined;
  // PostgreSQL text cannot hold NUL: such a value is left to the resolver to refuse
  if (typeof value !== 'string' || value.includes('\u0000')) return null;
  if (arg.name.value === 'slug') return { column: 'slug', value };
  if (arg.name.value === 'id' && isUuid(value)) return { column: 'id', value };
  return null;
}

/**
 * The cache key of an operation: its printed form (whitespace, comments, other
 * operations and the operation name of the document do not matter) with the
 * fragments it uses, and the values of the variables it DECLARES. GraphQL
 * ignores variables a query does not declare, so they must not make new
 * entries for the same answer.
 */
export function cacheKey(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): string {
  const hash = createHash('sha256').update(operationText(document, operation));
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    hash.update('\0').update(name).update('=').update(canonicalJson(variables?.[name]));
  }
  return hash.digest('base64url');
}

/** Apollo keeps parsed documents, so the printed form is kept per operation node. */
const printed = new WeakMap<OperationDefinitionNode, string>();

/** The operation without its name, and the fragments it uses, printed. */
function operationText(document: DocumentNode, operation: OperationDefinitionNode): string {
  const known = printed.get(operation);
  if (known !== undefined) return known;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  }
  const used = new Set<string>();
  const collect = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        const fragment = fragments.get(name);
        if (used.has(name) || !fragment) return;
        used.add(name);
        collect(fragment);
      },
    });
  collect(operation);
  // the operation's name does not change its answer
  const text = [print({ ...operation, name: undefined })]
    .concat([...used].sort().map((name) => print(fragments.get(name)!)))
    .join('\0');
  printed.set(operation, text);
  return text;
}

/** JSON with object keys sorted, so equal values give equal text. */
function canonicalJson(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

interface Entry {
  fingerprint: string;
  expiresAt: number;
  /** The answer as UTF-8 JSON: its size is known exactly, and no hit shares objects with another. */
  json: Buffer;
  bytes: number;
}

/** Per entry beyond its JSON: key, fingerprint, Map slot and object (an upper estimate). */
export const ENTRY_OVERHEAD_BYTES = 512;

/**
 * Answers by key, least recently used evicted first, bounded by bytes: the sum
 * of the entries' JSON sizes plus {@link ENTRY_OVERHEAD_BYTES} each never
 * exceeds `maxBytes`. An answer larger than `maxEntryBytes` is not stored.
 */
export class ByteBoundedStore {
  private readonly entries = new Map<string, Entry>();
  private used = 0;

  constructor(
    readonly maxBytes: number,
    readonly maxEntryBytes: number = Math.floor(maxBytes / 8),
  ) {}

  get bytes(): number {
    return this.used;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The JSON stored for `key` under exactly this fingerprint and not yet expired. */
  get(key: string, fingerprint: string, now: number): Buffer | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.fingerprint !== fingerprint || now >= entry.expiresAt) {
      this.remove(key, entry);
      return undefined;
    }
    // most recently used last: the oldest entries go first when full
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.json;
  }

  has(key: string, fingerprint: string): boolean {
    return this.entries.get(key)?.fingerprint === fingerprint;
  }

  /** Stores an answer; false when it is too large to keep. */
  set(key: string, fingerprint: string, expiresAt: number, json: Buffer): boolean {
    const old = this.entries.get(key);
    if (old) this.remove(key, old);
    const bytes = json.byteLength + ENTRY_OVERHEAD_BYTES;
    if (bytes > this.maxEntryBytes || bytes > this.maxBytes) return false;
    while (this.used + bytes > this.maxBytes) {
      const [oldestKey, oldest] = this.entries.entries().next().value as [string, Entry];
      this.remove(oldestKey, oldest);
    }
    this.entries.set(key, { fingerprint, expiresAt, json, bytes });
    this.used += bytes;
    return true;
  }

  private remove(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.used -= entry.bytes;
  }
}

/**
 * Answers repeated anonymous agenda queries (`event(slug|id)`) from memory.
 *
 * An answer is stored under the event's fingerprint (its `change_seq`, raised by
 * database triggers on every change of the event, its agenda and its waiting
 * list; the version of its workshops' seat counters, see
 * {@link workshopSeatsVersionSql}; its registration-window state), and only
 * when the fingerprint read after computing the answer equals the one read
 * before: then nothing the answer depends on committed in between, so the
 * answer is exactly the state the fingerprint names. None of the parts ever
 * returns to an earlier value, so a fingerprint that matches later proves that
 * nothing changed since. An entry also expires at the next registration
 * opening or cutoff. Each API process keeps its own entries, bounded in bytes
 * (`READ_CACHE_MAX_BYTES`); the database decides validity, so any number of
 * processes agree.
 */
@Injectable()
export class PublicReadCache {
  readonly store: ByteBoundedStore;

  constructor(
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.store = new ByteBoundedStore(config.readCacheMaxBytes);
  }

  /** The current fingerprint of an event, or null when there is no such event. */
  async fingerprint(target: EventTarget, now: Date = new Date()): Promise<Fingerprint | null> {
    const [row] = await sql<{
      id: string;
      seq: string;
      seats: string;
      status: RegistrationWindowInput['status'];
      opens: string | null;
      closes: string;
    }>(
      this.em.fork(),
      `select e.id, e.change_seq as seq, e.status, ${workshopSeatsVersionSql('e.id')} as seats,
              (extract(epoch from e.registration_opens_at) * 1000)::bigint as opens,
              (extract(epoch from e.registration_closes_at) * 1000)::bigint as closes
         from events e where e.${target.column} = $1`,
      [target.value],
    );
    if (!row) return null;
    const event = {
      status: row.status,
      registrationOpensAt: row.opens === null ? null : new Date(Number(row.opens)),
      registrationClosesAt: new Date(Number(row.closes)),
    };
    // isRegistrationOpen changes with the (server's) clock alone
    const window = registrationWindow(event, now).state;
    return {
      value: `${row.id}:${row.seq}:${row.seats}:${window}`,
      expiresAt: windowChangesAt(event, now.getTime()),
    };
  }

  plugin(): ApolloServerPlugin<GraphQLContext> {
    return {
      requestDidStart: async () => (this.store.maxBytes > 0 ? this.listener() : undefined),
    };
  }

  private listener(): GraphQLRequestListener<GraphQLContext> {
    let key: string | undefined;
    let target: EventTarget | null = null;
    let before: Fingerprint | null = null;
    let served = false;
    return {
      responseForOperation: async (rc) => {
        // no operation: Apollo is about to answer "unknown operation" itself
        if (!rc.operation) return null;
        // organizers may see drafts and organizer-only fields, and a sent but invalid token is an
        // error: only requests without credentials share answers (the same test as RequestAuth)
        if (rc.contextValue.req.headers.authorization) return null;
        target = eventTarget(rc.operation, rc.request.variables);
        if (!target) return null;
        before = await this.fingerprint(target);
        if (before === null) return null;
        key = cacheKey(rc.document, rc.operation, rc.request.variables);
        const hit = this.store.get(key, before.value, Date.now());
        if (!hit) return null;
        served = true;
        const result = JSON.parse(hit.toString('utf8')) as FormattedExecutionResult;
        return { http: rc.response.http, body: { kind: 'single', singleResult: result } };
      },
      willSendResponse: async (rc) => {
        const body = rc.response.body;
        if (served || !key || !target || before === null || body.kind !== 'single') return;
        if (body.singleResult.errors?.length || this.store.has(key, before.value)) return;
        const json = Buffer.from(JSON.stringify(body.singleResult), 'utf8');
        if (json.byteLength + ENTRY_OVERHEAD_BYTES > this.store.maxEntryBytes) return;
        // the answer was computed between the two reads: equal fingerprints mean nothing it
        // depends on committed meanwhile, so it is the state `before` names, no older and no newer
        // a failed check only means the answer is not kept; the client has it already
        const after = await this.fingerprint(target).catch(() => null);
        if (after?.value !== before.value) return;
        this.store.set(key, before.value, before.expiresAt, json);
      },
    };
  }
}
