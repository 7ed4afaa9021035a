import { Injectable } from '@nestjs/common';
import { EntityManager, type FilterQuery } from '@mikro-orm/core';
import type { Actor } from '@fachtag/organizers';
import { AgendaItem } from './agenda-item.entity.js';
import { compareAgendaItems } from './domain/agenda-rules.js';
import { checkPageSize, decodeCursor, encodeCursor } from './domain/cursor.js';
import { Event, EventStatus } from './event.entity.js';
import { Workshop } from './workshop.entity.js';

export interface EventPage {
  edges: Array<{ cursor: string; node: Event }>;
  hasNextPage: boolean;
  endCursor: string | null;
  totalCount: number;
}

/** Who sees what in listings: everyone the published events, organizers also their own, admins all. */
function visibleTo(actor: Actor | null): FilterQuery<Event> {
  if (actor?.isAdmin) return {};
  if (actor) return { $or: [{ status: EventStatus.PUBLISHED }, { owner: actor.id }] };
  return { status: EventStatus.PUBLISHED };
}

function groupBy<T>(keys: readonly string[], rows: T[], key: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(key(row))?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
}

/**
 * Batch reads for one request's DataLoaders: each method answers many keys
 * with one SQL statement, in key order. Bound to one entity manager fork.
 */
export class EventsBatch {
  constructor(private readonly em: EntityManager) {}

  async eventsByIds(ids: readonly string[]): Promise<Array<Event | null>> {
    const rows = await this.em.find(Event, { id: { $in: [...ids] } });
    const byId = new Map(rows.map((e) => [e.id, e]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async agendaItemsByIds(ids: readonly string[]): Promise<Array<AgendaItem | null>> {
    const rows = await this.em.find(AgendaItem, { id: { $in: [...ids] } });
    const byId = new Map(rows.map((i) => [i.id, i]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** Each event's agenda in time order, ties by title. */
  async agendaByEventIds(eventIds: readonly string[]): Promise<AgendaItem[][]> {
    const rows = await this.em.find(AgendaItem, { event: { $in: [...eventIds] } });
    return groupBy(eventIds, rows.sort(compareAgendaItems), (i) => i.event.id);
  }

  /** Each phase's workshops by number. */
  async workshopsByPhaseIds(phaseIds: readonly string[]): Promise<Workshop[][]> {
    const rows = await this.em.find(
      Workshop,
      { phase: { $in: [...phaseIds] } },
      { orderBy: { number: 'asc' } },
    );
    return groupBy(phaseIds, rows, (w) => w.phase.id);
  }
}

/** Read side of events: the public listing and the per-request batch reader. */
@Injectable()
export class EventsReader {
  constructor(private readonly em: EntityManager) {}

  /** A fresh batch reader with its own identity map, for one request. */
  batch(): EventsBatch {
    return new EventsBatch(this.em.fork());
  }

  /** Events not yet over, soonest first (ties by id), as a cursor page. */
  async listEvents(
    actor: Actor | null,
    first: number,
    after: string | null,
    now = new Date(),
  ): Promise<EventPage> {
    return this.page({ $and: [visibleTo(actor), { endsAt: { $gt: now } }] }, first, after);
  }

  /**
   * The events `actor` may manage (their own; every event for admins): drafts,
   * published and cancelled ones, past ones too unless `includePast` is false.
   */
  async listManagedEvents(
    actor: Actor,
    first: number,
    after: string | null,
    includePast: boolean,
    now = new Date(),
  ): Promise<EventPage> {
    const mine: FilterQuery<Event> = actor.isAdmin ? {} : { owner: actor.id };
    const base: FilterQuery<Event> = includePast
      ? mine
      : { $and: [mine, { endsAt: { $gt: now } }] };
    return this.page(base, first, after);
  }

  private async page(
    base: FilterQuery<Event>,
    first: number,
    after: string | null,
  ): Promise<EventPage> {
    checkPageSize(first);
    const em = this.em.fork();
    const cursor = after ? decodeCursor(after) : null;
    const where: FilterQuery<Event> = cursor
      ? {
          $and: [
            base,
            {
              $or: [
                { startsAt: { $gt: cursor.startsAt } },
                { startsAt: cursor.startsAt, id: { $gt: cursor.id } },
              ],
            },
          ],
        }
      : base;
    const [rows, totalCount] = await Promise.all([
      em.find(Event, where, { orderBy: [{ startsAt: 'asc' }, { id: 'asc' }], limit: first + 1 }),
      em.count(Event, base),
    ]);
    const edges = rows.slice(0, first).map((node) => ({ cursor: encodeCursor(node), node }));
    return {
      edges,
      hasNextPage: rows.length > first,
      endCursor: edges.at(-1)?.cursor ?? null,
      totalCount,
    };
  }
}
