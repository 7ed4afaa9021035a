import DataLoader from 'dataloader';
import type { AgendaItem, Event, EventsBatch, Workshop } from '@fachtag/events';

/**
 * Per-request DataLoaders: every field resolver that reads related rows goes
 * through these, so a query costs one statement per kind of row, not one per
 * parent (no N+1). Created fresh for each request; nothing is cached across.
 */
export class RequestLoaders {
  readonly eventById: DataLoader<string, Event | null>;
  readonly agendaItemById: DataLoader<string, AgendaItem | null>;
  readonly agendaByEventId: DataLoader<string, AgendaItem[]>;
  readonly workshopsByPhaseId: DataLoader<string, Workshop[]>;
  readonly waitlistCountByEventId: DataLoader<string, number>;
  readonly registrationCountByEventId: DataLoader<string, number>;
  /** Waiting registrations wishing for each workshop (organizers' desk). */
  readonly waitingCountByWorkshopId: DataLoader<string, number>;

  constructor(
    batch: EventsBatch,
    waiting: (eventIds: readonly string[]) => Promise<number[]>,
    registered: (eventIds: readonly string[]) => Promise<number[]>,
    wishing: (workshopIds: readonly string[]) => Promise<number[]>,
  ) {
    this.eventById = new DataLoader((ids) => batch.eventsByIds(ids));
    this.agendaItemById = new DataLoader((ids) => batch.agendaItemsByIds(ids));
    this.agendaByEventId = new DataLoader(async (ids) => {
      const agendas = await batch.agendaByEventIds(ids);
      // workshops ask for their phase: it was just loaded, no second query
      for (const item of agendas.flat()) this.agendaItemById.prime(item.id, item);
      return agendas;
    });
    this.workshopsByPhaseId = new DataLoader((ids) => batch.workshopsByPhaseIds(ids));
    this.waitlistCountByEventId = new DataLoader(waiting);
    this.registrationCountByEventId = new DataLoader(registered);
    this.waitingCountByWorkshopId = new DataLoader(wishing);
  }

  /** Remembers an event a root resolver loaded, so its workshops need not load it again. */
  primeEvent(event: Event): void {
    this.eventById.prime(event.id, event);
  }
}
