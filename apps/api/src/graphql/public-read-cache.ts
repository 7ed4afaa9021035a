import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import type {
  ApolloServerPlugin,
  GraphQLRequestContext,
  GraphQLRequestListener,
} from '@apollo/server';
import { Kind, type FormattedExecutionResult, type OperationDefinitionNode } from 'graphql';
import { sql } from '../../../../libs/database/src/index.js';
import type { GraphQLContext } from './context.js';

/** Which event an anonymous `event(…)` query asks for. */
export type EventTarget = { column: 'slug' | 'id'; value: string };

interface Entry {
  fingerprint: string;
  result: FormattedExecutionResult;
}

const MAX_ENTRIES = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
  if (typeof value !== 'string') return null;
  if (arg.name.value === 'slug') return { column: 'slug', value };
  if (arg.name.value === 'id' && UUID.test(value)) return { column: 'id', value };
  return null;
}

/**
 * Answers repeated anonymous agenda queries (`event(slug|id)`) from memory, and
 * never with stale data: an answer is reused only while the event's
 * `change_seq` (raised by database triggers on every change of the event, its
 * agenda and its waiting list), its workshops' seat counters and its
 * registration-window state are what they were when the answer was computed. That costs one indexed
 * query instead of executing the whole query. Each API process keeps its own
 * entries; the database decides validity, so any number of processes agree.
 */
@Injectable()
export class PublicReadCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly em: EntityManager) {}

  /** The current fingerprint of an event, or null when there is no such event. */
  async fingerprint(target: EventTarget, now: Date = new Date()): Promise<string | null> {
    const [row] = await sql<{
      id: string;
      seq: string;
      seats: string;
      opens: string | null;
      closes: string;
    }>(
      this.em.fork(),
      `select e.id, e.change_seq as seq,
              (select md5(coalesce(string_agg(w.seats_taken::text, ',' order by w.id), ''))
                 from workshops w where w.event_id = e.id) as seats,
              (extract(epoch from e.registration_opens_at) * 1000)::bigint as opens,
              (extract(epoch from e.registration_closes_at) * 1000)::bigint as closes
         from events e where e.${target.column} = $1`,
      [target.value],
    );
    if (!row) return null;
    // isRegistrationOpen changes with the (server's) clock alone
    const t = now.getTime();
    const window =
      row.opens !== null && t < Number(row.opens)
        ? 'before'
        : t > Number(row.closes)
          ? 'after'
          : 'open';
    return `${row.id}:${row.seq}:${row.seats}:${window}`;
  }

  plugin(): ApolloServerPlugin<GraphQLContext> {
    return {
      requestDidStart: async (start) => {
        // organizers may see drafts and organizer-only fields: only anonymous answers are shared
        if (start.request.http?.headers.get('authorization')) return;
        return this.listener();
      },
    };
  }

  private listener(): GraphQLRequestListener<GraphQLContext> {
    let key: string | undefined;
    let fingerprint: string | null = null;
    return {
      responseForOperation: async (rc) => {
        // no operation: Apollo is about to answer "unknown operation" itself
        if (!rc.operation) return null;
        const target = eventTarget(rc.operation, rc.request.variables);
        if (!target) return null;
        fingerprint = await this.fingerprint(target);
        if (fingerprint === null) return null;
        key = cacheKey(rc);
        const hit = this.entries.get(key);
        if (!hit || hit.fingerprint !== fingerprint) return null;
        // most recently used last: the oldest entries go first when full
        this.entries.delete(key);
        this.entries.set(key, hit);
        return { http: rc.response.http, body: { kind: 'single', singleResult: hit.result } };
      },
      willSendResponse: async (rc) => {
        const body = rc.response.body;
        if (!key || fingerprint === null || body.kind !== 'single') return;
        if (body.singleResult.errors?.length || this.entries.get(key)?.fingerprint === fingerprint)
          return;
        // the answer was computed after the fingerprint was read, so it is at
        // least that current: stored under it, it can only ever be too new
        this.entries.set(key, { fingerprint, result: body.singleResult });
        if (this.entries.size > MAX_ENTRIES) {
          this.entries.delete(this.entries.keys().next().value as string);
        }
      },
    };
  }
}

function cacheKey(rc: GraphQLRequestContext<GraphQLContext>): string {
  return createHash('sha256')
    .update(rc.queryHash ?? rc.source ?? '')
    .update('\0')
    .update(rc.operationName ?? '')
    .update('\0')
    .update(JSON.stringify(rc.request.variables ?? {}))
    .digest('base64url');
}
