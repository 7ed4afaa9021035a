import DataLoader from 'dataloader';
import type {
  AgendaItem,
  Event,
  EventsBatch,
  Workshop,
} from '../../../../libs/events/src/index.js';

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

  constructor(batch: EventsBatch) {
    this.eventById = new DataLoader((ids) => batch.eventsByIds(ids));
    this.agendaItemById = new DataLoader((ids) => batch.agendaItemsByIds(ids));
    this.agendaByEventId = new DataLoader((ids) => batch.agendaByEventIds(ids));
    this.workshopsByPhaseId = new DataLoader((ids) => batch.workshopsByPhaseIds(ids));
    this.waitlistCountByEventId = new DataLoader((ids) => batch.waitlistCountsByEventIds(ids));
  }
}
