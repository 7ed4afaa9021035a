import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { transaction } from '@fachtag/database';
import { assertMayManage, mayManage, requireActor, type Actor } from '@fachtag/organizers';
import { Organizer } from '@fachtag/organizers';
import { AgendaItem } from './agenda-item.entity.js';
import {
  agendaWarnings,
  publishingBlockers,
  PublishingBlockedError,
} from './domain/agenda-warnings.js';
import { Workshop } from './workshop.entity.js';
import { InvalidInputError, isUuid, msg, NotFoundError } from '@fachtag/common';
import {
  canonicalTimeZone,
  sameVenue,
  validateAgendaInsideEvent,
  validateEvent,
  type EventDraft,
} from './domain/event-rules.js';
import { slugify, uniqueSlug, validateSlug } from './domain/slug.js';
import { checkText, TEXT_LIMITS } from './domain/text-limits.js';
import {
  assertCancelledChangesTextsOnly,
  CANCELLED_EVENT_TEXTS,
} from './domain/cancelled-event.js';
import { patch, type CreateEventData, type UpdateEventData } from './event-input.js';
import { daysBetween, localDate, shiftLocalDays } from './domain/zoned-time.js';
import {
  EVENT_CHANGE_LISTENER,
  timeSpan,
  type EventChangeListener,
  type ProgrammeChange,
} from './event-change-listener.js';
import { Event, EventStatus } from './event.entity.js';

function newDraft(input: CreateEventData, slug: string): EventDraft {
  return {
    slug,
    title: input.title,
    subtitle: input.subtitle ?? null,
    description: input.description ?? null,
    timeZone: canonicalTimeZone(input.timeZone ?? 'Europe/Berlin'),
    language: input.language ?? 'de',
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    venue: input.venue ?? null,
    organizerName: input.organizerName,
    contactEmail: input.contactEmail ?? null,
    costNote: input.costNote ?? null,
    capacity: input.capacity ?? null,
    seatsTaken: 0,
    registrationOpensAt: input.registrationOpensAt ?? null,
    registrationClosesAt: input.registrationClosesAt,
    capacityWarningThreshold: input.capacityWarningThreshold ?? 0.8,
  };
}

function merge(event: Event, input: UpdateEventData): EventDraft {
  return {
    seatsTaken: event.seatsTaken,
    slug: input.slug ?? event.slug,
    title: input.title ?? event.title,
    subtitle: patch(input.subtitle, event.subtitle),
    description: patch(input.description, event.description),
    timeZone: canonicalTimeZone(input.timeZone ?? event.timeZone),
    language: input.language ?? event.language,
    startsAt: input.startsAt ?? event.startsAt,
    endsAt: input.endsAt ?? event.endsAt,
    venue: patch(input.venue, event.venue),
    organizerName: input.organizerName ?? event.organizerName,
    contactEmail: patch(input.contactEmail, event.contactEmail),
    costNote: patch(input.costNote, event.costNote),
    capacity: patch(input.capacity, event.capacity),
    registrationOpensAt: patch(input.registrationOpensAt, event.registrationOpensAt),
    registrationClosesAt: input.registrationClosesAt ?? event.registrationClosesAt,
    capacityWarningThreshold: input.capacityWarningThreshold ?? event.capacityWarningThreshold,
  };
}

/** Events as organizers create and change them. One method = one unit of work. */
@Injectable()
export class EventsService {
  constructor(
    private readonly em: EntityManager,
    @Inject(EVENT_CHANGE_LISTENER) private readonly listener: EventChangeListener,
  ) {}

  async createEvent(actor: Actor | null, input: CreateEventData): Promise<Event> {
    const organizer = requireActor(actor);
    return transaction(this.em, async (em) => {
      const slug = input.slug ?? (await this.freeSlug(em, slugify(input.title)));
      const draft = newDraft(input, slug);
      validateEvent(draft);
      await this.assertSlugFree(em, slug, null);
      const event = em.create(Event, {
        ...draft,
        waitlistEnabled: input.waitlistEnabled ?? true,
        owner: em.getReference(Organizer, organizer.id),
      });
      return this.flushWithSlug(em, event);
    });
  }

  async updateEvent(actor: Actor | null, id: string, input: UpdateEventData): Promise<Event> {
    return transaction(this.em, async (em) => {
      const event = await this.managed(em, actor, id);
      const draft = merge(event, input);
      const waitlistEnabled = input.waitlistEnabled ?? event.waitlistEnabled;
      assertCancelledChangesTextsOnly(
        event.status,
        { ...merge(event, {}), waitlistEnabled: event.waitlistEnabled },
        { ...draft, waitlistEnabled },
        CANCELLED_EVENT_TEXTS.event,
      );
      validateEvent(draft);
      if (draft.slug !== event.slug) await this.assertSlugFree(em, draft.slug, event.id);
      const items = await em.find(AgendaItem, { event: event.id });
      validateAgendaInsideEvent(draft, items);
      const moved =
        draft.startsAt.getTime() !== event.startsAt.getTime() ||
        draft.endsAt.getTime() !== event.endsAt.getTime() ||
        !sameVenue(draft.venue, event.venue);
      const capacityBefore = event.capacity;
      const changes = eventChanges(event, draft);
      const { seatsTaken: _seats, ...fields } = draft;
      em.assign(event, fields);
      if (input.waitlistEnabled !== undefined && input.waitlistEnabled !== null) {
        event.waitlistEnabled = input.waitlistEnabled;
      }
      // calendars learn about a new time or place through a higher SEQUENCE
      if (moved) event.revision += 1;
      const saved = await this.flushWithSlug(em, event);
      if (moreSeats(capacityBefore, saved.capacity)) {
        await this.listener.seatsAdded(em, saved.id);
        await em.refresh(saved); // promotions changed seats_taken in SQL
      }
      if (moved) await this.listener.calendarChanged(em, { eventId: saved.id, changes });
      return saved;
    });
  }

  async publishEvent(actor: Actor | null, id: string): Promise<Event> {
    return transaction(this.em, async (em) => {
      const event = await this.managed(em, actor, id);
      if (event.status === EventStatus.CANCELLED) {
        throw new InvalidInputError(['id'], msg('event.cancelledPublish', {}));
      }
      if (event.status === EventStatus.DRAFT) await this.assertPublishable(em, event);
      event.status = EventStatus.PUBLISHED;
      await em.flush();
      return event;
    });
  }

  async cancelEvent(actor: Actor | null, id: string, reason: string | null): Promise<Event> {
    checkText(reason, ['reason'], TEXT_LIMITS.cancelReason);
    return transaction(this.em, async (em) => {
      const event = await this.managed(em, actor, id);
      if (event.status === EventStatus.DRAFT) {
        throw new InvalidInputError(['id'], msg('event.draftCancel', {}));
      }
      if (event.status === EventStatus.CANCELLED) return event;
      event.status = EventStatus.CANCELLED;
      event.cancelReason = reason?.trim() || null;
      event.revision += 1;
      await em.flush();
      await this.listener.eventCancelled(em, event.id, event.cancelReason);
      return event;
    });
  }

  /**
   * Takes a published event back to a draft: only while nobody is registered
   * (confirmed or waiting), because a draft is invisible to its participants.
   * The event row is locked first, so a registration arriving meanwhile waits
   * and then finds a draft.
   */
  async unpublishEvent(actor: Actor | null, id: string): Promise<Event> {
    return transaction(this.em, async (em) => {
      const event = await this.managed(em, actor, id);
      if (event.status === EventStatus.DRAFT) return event;
      if (event.status === EventStatus.CANCELLED) {
        throw new InvalidInputError(['id'], msg('event.cancelledUnpublish', {}));
      }
      const registered = await this.listener.activeRegistrations(em, event.id);
      if (registered > 0) {
        throw new InvalidInputError(
          ['id'],
          msg('event.unpublishRegistered', { count: registered }),
        );
      }
      event.status = EventStatus.DRAFT;
      await em.flush();
      return event;
    });
  }

  /**
   * A new draft with the whole programme of `id` (items, speakers, phases,
   * workshops with rooms, hosts and seats), moved to `newStartDate` (the local
   * date of its start): every time, the registration window included, moves by
   * the same whole number of days in the event's zone, keeping its wall-clock
   * time across daylight saving changes. Nobody is registered for the copy;
   * its slug is new, its owner the caller.
   */
  async copyEvent(
    actor: Actor | null,
    id: string,
    newStartDate: string,
    slug: string | null = null,
  ): Promise<Event> {
    const organizer = requireActor(actor);
    return transaction(this.em, async (em) => {
      const source = await this.managed(em, actor, id);
      if (!isLocalDate(newStartDate)) {
        throw new InvalidInputError(['newStartDate'], msg('event.copyDate', {}));
      }
      const zone = source.timeZone;
      const days = daysBetween(localDate(source.startsAt, zone), newStartDate);
      const shift = (at: Date) => shiftLocalDays(at, zone, days);
      const newSlug = slug ?? (await this.freeSlug(em, slugify(`${source.title} ${newStartDate}`)));
      const draft: EventDraft = {
        ...merge(source, {}),
        slug: newSlug,
        seatsTaken: 0,
        startsAt: shift(source.startsAt),
        endsAt: shift(source.endsAt),
        registrationOpensAt: source.registrationOpensAt ? shift(source.registrationOpensAt) : null,
        registrationClosesAt: shift(source.registrationClosesAt),
      };
      validateEvent(draft);
      await this.assertSlugFree(em, newSlug, null);
      const copy = em.create(Event, {
        ...draft,
        waitlistEnabled: source.waitlistEnabled,
        owner: em.getReference(Organizer, organizer.id),
      });
      const items = await em.find(AgendaItem, { event: source.id });
      const workshops = await em.find(Workshop, { event: source.id });
      for (const item of items) {
        const newItem = em.create(AgendaItem, {
          event: copy,
          kind: item.kind,
          title: item.title,
          subtitle: item.subtitle,
          description: item.description,
          startsAt: shift(item.startsAt),
          endsAt: shift(item.endsAt),
          room: item.room,
          speakers: item.speakers.map((s) => ({ ...s })),
        });
        for (const w of workshops.filter((w) => w.phase.id === item.id)) {
          em.create(Workshop, {
            event: copy,
            phase: newItem,
            number: w.number,
            title: w.title,
            subtitle: w.subtitle,
            description: w.description,
            room: w.room,
            hosts: w.hosts.map((h) => ({ ...h })),
            capacity: w.capacity,
          });
        }
      }
      return this.flushWithSlug(em, copy);
    });
  }

  /** One event by id or slug; drafts only for the organizers who may manage them. */
  async findVisible(
    actor: Actor | null,
    by: { id?: string | null; slug?: string | null },
  ): Promise<Event | null> {
    if (!by.id && !by.slug) {
      throw new InvalidInputError(['id'], msg('input.idOrSlug', {}));
    }
    const em = this.em.fork();
    const where = by.id ? { id: by.id } : { slug: by.slug as string };
    if (by.id && !isUuid(by.id)) return null;
    const event = await em.findOne(Event, where);
    if (!event) return null;
    if (by.id && by.slug && event.slug !== by.slug) return null;
    const visible = event.status !== EventStatus.DRAFT || mayManage(actor, event.owner.id);
    return visible ? event : null;
  }

  /** Loads and row-locks an event for a change, after checking the caller may manage it. */
  private async managed(em: EntityManager, actor: Actor | null, id: string): Promise<Event> {
    requireActor(actor);
    // locked: agenda changes of the same event wait, so the span check stays true
    const event = isUuid(id)
      ? await em.findOne(Event, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE })
      : null;
    if (!event) throw new NotFoundError('Event', id);
    assertMayManage(actor, event.owner.id);
    return event;
  }

  /** Refuses to publish an agenda on which nobody could register; warnings alone do not. */
  private async assertPublishable(em: EntityManager, event: Event): Promise<void> {
    const items = await em.find(AgendaItem, { event: event.id }, { orderBy: { startsAt: 'asc' } });
    const workshops = await em.find(
      Workshop,
      { event: event.id },
      {
        orderBy: { number: 'asc' },
        fields: ['id', 'number', 'title', 'capacity', 'room', 'phase'],
      },
    );
    const blockers = publishingBlockers(
      agendaWarnings(event, items, (phaseId) => workshops.filter((w) => w.phase.id === phaseId)),
    );
    if (blockers.length > 0) throw new PublishingBlockedError(blockers);
  }

  private async freeSlug(em: EntityManager, base: string): Promise<string> {
    const rows = await em.find(Event, { slug: { $like: `${base}%` } }, { fields: ['slug'] });
    return uniqueSlug(base, new Set(rows.map((r) => r.slug)));
  }

  private async assertSlugFree(
    em: EntityManager,
    slug: string,
    exceptId: string | null,
  ): Promise<void> {
    validateSlug(slug);
    const other = await em.findOne(Event, { slug }, { fields: ['id'] });
    if (other && other.id !== exceptId) {
      throw new InvalidInputError(['slug'], msg('event.slugTaken', { slug }));
    }
  }

  /** Flushes; a concurrent insert of the same slug ends as a clear input error, not a 500. */
  private async flushWithSlug(em: EntityManager, event: Event): Promise<Event> {
    try {
      await em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw new InvalidInputError(['slug'], msg('event.slugTaken', { slug: event.slug }));
      }
      throw error;
    }
    return event;
  }
}

function isLocalDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

/** What participants' calendars show of an event change: its times and its venue. */
function eventChanges(event: Event, draft: EventDraft): ProgrammeChange[] {
  const changes: ProgrammeChange[] = [];
  const [from, to] = [timeSpan(event), timeSpan(draft)];
  const target = event.id;
  const label = draft.title;
  if (from.startsAt !== to.startsAt || from.endsAt !== to.endsAt) {
    changes.push({ type: 'time', target, label, from, to });
  }
  if (!sameVenue(draft.venue, event.venue)) {
    changes.push({ type: 'venue', target, label, from: event.venue, to: draft.venue });
  }
  return changes;
}

/** True when a capacity change makes room: raised, or lifted altogether. */
function moreSeats(before: number | null, after: number | null): boolean {
  return before !== null && (after === null || after > before);
}
