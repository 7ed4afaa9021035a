import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { assertMayManage, requireActor, type Actor } from '@fachtag/organizers';
import { sql, transaction } from '@fachtag/database';
import { AgendaItem } from './agenda-item.entity.js';
import {
  EVENT_CHANGE_LISTENER,
  timeSpan,
  type EventChangeListener,
  type ProgrammeChange,
} from './event-change-listener.js';
import {
  validateAgendaItem,
  validateKindChange,
  type AgendaItemDraft,
} from './domain/agenda-rules.js';
import { InvalidInputError, isUuid, msg, NotFoundError } from '@fachtag/common';
import { assertRemovableAgendaItem, assertRemovableWorkshop } from './domain/removal.js';
import {
  assertCancelledChangesTextsOnly,
  assertNotCancelled,
  CANCELLED_EVENT_TEXTS,
} from './domain/cancelled-event.js';
import {
  assertWorkshopPhase,
  nextWorkshopNumber,
  validateWorkshop,
  type WorkshopDraft,
} from './domain/workshop-rules.js';
import {
  patch,
  type AgendaItemData,
  type UpdateAgendaItemData,
  type UpdateWorkshopData,
  type WorkshopData,
} from './event-input.js';
import { Event } from './event.entity.js';
import { Workshop } from './workshop.entity.js';

function newItemDraft(input: AgendaItemData): AgendaItemDraft {
  return {
    id: '',
    kind: input.kind,
    title: input.title,
    subtitle: input.subtitle ?? null,
    description: input.description ?? null,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    room: input.room ?? null,
    speakers: input.speakers ?? [],
  };
}

function newWorkshopDraft(input: WorkshopData, numbers: readonly number[]): WorkshopDraft {
  return {
    id: '',
    number: input.number ?? nextWorkshopNumber(numbers),
    title: input.title,
    subtitle: input.subtitle ?? null,
    description: input.description ?? null,
    room: input.room ?? null,
    hosts: input.hosts ?? [],
    capacity: input.capacity,
    seatsTaken: 0,
  };
}

function mergeItem(item: AgendaItem, input: UpdateAgendaItemData): AgendaItemDraft {
  return {
    id: item.id,
    kind: input.kind ?? item.kind,
    title: input.title ?? item.title,
    subtitle: patch(input.subtitle, item.subtitle),
    description: patch(input.description, item.description),
    startsAt: input.startsAt ?? item.startsAt,
    endsAt: input.endsAt ?? item.endsAt,
    room: patch(input.room, item.room),
    speakers: input.speakers ?? item.speakers,
  };
}

function mergeWorkshop(w: Workshop, input: UpdateWorkshopData): WorkshopDraft {
  return {
    id: w.id,
    number: input.number ?? w.number,
    title: input.title ?? w.title,
    subtitle: patch(input.subtitle, w.subtitle),
    description: patch(input.description, w.description),
    room: patch(input.room, w.room),
    hosts: input.hosts ?? w.hosts,
    capacity: input.capacity ?? w.capacity,
    seatsTaken: w.seatsTaken,
  };
}

/** The programme of an event: agenda items and the workshops of its phases. */
@Injectable()
export class AgendaService {
  constructor(
    private readonly em: EntityManager,
    @Inject(EVENT_CHANGE_LISTENER) private readonly listener: EventChangeListener,
  ) {}

  async addAgendaItem(
    actor: Actor | null,
    eventId: string,
    input: AgendaItemData,
  ): Promise<AgendaItem> {
    return transaction(this.em, async (em) => {
      const event = await this.managedEvent(em, actor, eventId);
      assertNotCancelled(event.status, 'eventId');
      const draft = newItemDraft(input);
      const others = await em.find(AgendaItem, { event: event.id });
      validateAgendaItem(draft, event, others);
      const { id: _id, ...fields } = draft;
      const item = em.create(AgendaItem, { ...fields, event });
      await em.flush();
      return item;
    });
  }

  async updateAgendaItem(
    actor: Actor | null,
    id: string,
    input: UpdateAgendaItemData,
  ): Promise<AgendaItem> {
    return transaction(this.em, async (em) => {
      const item = await this.managedItem(em, actor, id);
      const draft = mergeItem(item, input);
      assertCancelledChangesTextsOnly(
        item.event.status,
        mergeItem(item, {}),
        draft,
        CANCELLED_EVENT_TEXTS.item,
      );
      const workshops = await em.count(Workshop, { phase: item.id });
      validateKindChange(item.kind, draft.kind, workshops);
      const others = await em.find(AgendaItem, { event: item.event.id, id: { $ne: item.id } });
      validateAgendaItem(draft, item.event, others);
      const timeChanged =
        draft.startsAt.getTime() !== item.startsAt.getTime() ||
        draft.endsAt.getTime() !== item.endsAt.getTime();
      // calendars learn about a new time or room through a higher SEQUENCE
      const moved = timeChanged || draft.room !== item.room;
      const changes: ProgrammeChange[] = [];
      const [target, label] = [item.id, draft.title];
      if (timeChanged) {
        changes.push({ type: 'time', target, label, from: timeSpan(item), to: timeSpan(draft) });
      }
      if (draft.room !== item.room) {
        changes.push({ type: 'room', target, label, from: item.room, to: draft.room });
      }
      if (moved) item.revision += 1;
      em.assign(item, draft);
      if (timeChanged) {
        // a phase's workshops take their time from the phase: their calendar entries move too
        await sql(em, 'update workshops set revision = revision + 1 where phase_id = $1', [
          item.id,
        ]);
      }
      await em.flush();
      if (moved) await this.listener.calendarChanged(em, { phaseId: item.id, changes });
      return item;
    });
  }

  async removeAgendaItem(actor: Actor | null, id: string): Promise<boolean> {
    return transaction(this.em, async (em) => {
      const item = await this.managedItem(em, actor, id);
      assertNotCancelled(item.event.status, 'id');
      // locked, so no registration takes a seat between the check and the delete
      const workshops = await em.find(
        Workshop,
        { phase: item.id },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      const wishes = await this.listener.waitingWishes(
        em,
        workshops.map((w) => w.id),
      );
      assertRemovableAgendaItem(
        item,
        workshops.map((w) => ({ ...w, wishes: wishes.get(w.id) })),
      );
      em.remove(workshops);
      em.remove(item);
      // a removal leaves no row behind to date it: the event carries the calendar feed's last change
      item.event.updatedAt = new Date();
      await em.flush();
      return true;
    });
  }

  async addWorkshop(actor: Actor | null, phaseId: string, input: WorkshopData): Promise<Workshop> {
    return transaction(this.em, async (em) => {
      const phase = await this.managedItem(em, actor, phaseId, ['phaseId']);
      assertWorkshopPhase(phase.kind);
      assertNotCancelled(phase.event.status, 'phaseId');
      const others = await em.find(
        Workshop,
        { event: phase.event.id },
        { fields: ['id', 'number'] },
      );
      const draft = newWorkshopDraft(
        input,
        others.map((o) => o.number),
      );
      validateWorkshop(draft, others);
      const { id: _id, seatsTaken: _seats, ...fields } = draft;
      const workshop = em.create(Workshop, { ...fields, event: phase.event, phase });
      const saved = await this.flushNumbered(em, workshop);
      // new seats in a phase may let waiting participants in
      await this.listener.seatsAdded(em, phase.event.id);
      // promotions changed seat counters in SQL: answer with the current ones
      return (await em.refresh(saved)) ?? saved;
    });
  }

  async updateWorkshop(
    actor: Actor | null,
    id: string,
    input: UpdateWorkshopData,
  ): Promise<Workshop> {
    return transaction(this.em, async (em) => {
      const workshop = await this.managedWorkshop(em, actor, id);
      const draft = mergeWorkshop(workshop, input);
      assertCancelledChangesTextsOnly(
        workshop.event.status,
        mergeWorkshop(workshop, {}),
        draft,
        CANCELLED_EVENT_TEXTS.workshop,
      );
      const others = await em.find(
        Workshop,
        { event: workshop.event.id, id: { $ne: workshop.id } },
        { fields: ['id', 'number'] },
      );
      validateWorkshop(draft, others);
      const moved = draft.room !== workshop.room;
      const change: ProgrammeChange = {
        type: 'room',
        target: workshop.id,
        label: `Workshop ${draft.number}: ${draft.title}`,
        from: workshop.room,
        to: draft.room,
      };
      if (moved) workshop.revision += 1;
      const capacityBefore = workshop.capacity;
      const { seatsTaken: _seats, ...fields } = draft;
      em.assign(workshop, fields);
      const saved = await this.flushNumbered(em, workshop);
      if (moved) {
        await this.listener.calendarChanged(em, { workshopId: saved.id, changes: [change] });
      }
      if (saved.capacity > capacityBefore) {
        await this.listener.seatsAdded(em, saved.event.id);
        // promotions changed seat counters in SQL: answer with the current ones
        return (await em.refresh(saved)) ?? saved;
      }
      return saved;
    });
  }

  async removeWorkshop(actor: Actor | null, id: string): Promise<boolean> {
    return transaction(this.em, async (em) => {
      const workshop = await this.managedWorkshop(em, actor, id);
      assertNotCancelled(workshop.event.status, 'id');
      const wishes = await this.listener.waitingWishes(em, [workshop.id]);
      assertRemovableWorkshop({ ...workshop, wishes: wishes.get(workshop.id) });
      em.remove(workshop);
      workshop.event.updatedAt = new Date(); // the calendar feed's last change, as above
      await em.flush();
      return true;
    });
  }

  /**
   * Loads and row-locks an event: changes to one event's agenda run one after
   * another, so the overlap and span checks stay true until commit. Lock order
   * everywhere: the event first, then its workshops.
   */
  private async lockedEvent(em: EntityManager, id: string): Promise<Event | null> {
    if (!isUuid(id)) return null;
    return em.findOne(Event, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  private async managedEvent(em: EntityManager, actor: Actor | null, id: string): Promise<Event> {
    requireActor(actor);
    const event = await this.lockedEvent(em, id);
    if (!event) throw new NotFoundError('Event', id);
    assertMayManage(actor, event.owner.id);
    return event;
  }

  private async managedItem(
    em: EntityManager,
    actor: Actor | null,
    id: string,
    field = ['id'],
  ): Promise<AgendaItem> {
    requireActor(actor);
    const item = isUuid(id) ? await em.findOne(AgendaItem, { id }) : null;
    if (!item) {
      throw new NotFoundError(field[0] === 'phaseId' ? 'Workshop phase' : 'Agenda item', id);
    }
    // loads (and locks) the very instance item.event refers to
    await this.managedEvent(em, actor, item.event.id);
    return item;
  }

  /** The workshop, row-locked after its event: its seats are compared with a new capacity or checked before removal. */
  private async managedWorkshop(
    em: EntityManager,
    actor: Actor | null,
    id: string,
  ): Promise<Workshop> {
    requireActor(actor);
    const found = isUuid(id) ? await em.findOne(Workshop, { id }) : null;
    if (!found) throw new NotFoundError('Workshop', id);
    await this.managedEvent(em, actor, found.event.id);
    return em.findOneOrFail(
      Workshop,
      { id },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
  }

  /** Flushes; two workshops given the same number at once end as a clear input error. */
  private async flushNumbered(em: EntityManager, workshop: Workshop): Promise<Workshop> {
    try {
      await em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw new InvalidInputError(
          ['number'],
          msg('agenda.workshopNumberTaken', { number: workshop.number }),
        );
      }
      throw error;
    }
    return workshop;
  }
}
