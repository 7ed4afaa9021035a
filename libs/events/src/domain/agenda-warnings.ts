import { AgendaItemKind } from '../agenda-item.entity.js';

/** What an organizer should look at before (or after) publishing. */
export enum AgendaWarningCode {
  PHASE_SEATS_BELOW_EVENT_CAPACITY = 'PHASE_SEATS_BELOW_EVENT_CAPACITY',
  PHASE_WITHOUT_WORKSHOPS = 'PHASE_WITHOUT_WORKSHOPS',
  WORKSHOP_CAPACITY_EXCEEDS_EVENT = 'WORKSHOP_CAPACITY_EXCEEDS_EVENT',
  ROOM_USED_TWICE_IN_PHASE = 'ROOM_USED_TWICE_IN_PHASE',
}

export interface AgendaWarning {
  code: AgendaWarningCode;
  message: string;
  agendaItemId: string | null;
  workshopId: string | null;
  /** True when the problem makes registration impossible: the event cannot be published. */
  blocksPublishing: boolean;
}

/**
 * Problems that make registration impossible. A phase without workshops leaves
 * participants nothing to choose; the others are matters of judgement (fewer
 * workshop seats than event seats may be intended) and only warn.
 */
const BLOCKING: ReadonlySet<AgendaWarningCode> = new Set([
  AgendaWarningCode.PHASE_WITHOUT_WORKSHOPS,
]);

/** The warnings that stop an event from being published. */
export function publishingBlockers(warnings: readonly AgendaWarning[]): AgendaWarning[] {
  return warnings.filter((w) => w.blocksPublishing);
}

/** Thrown when publishing an event whose agenda makes registration impossible. */
export class PublishingBlockedError extends Error {
  constructor(readonly problems: readonly AgendaWarning[]) {
    super(`The event cannot be published yet: ${problems.map((p) => p.message).join(' ')}`);
    this.name = 'PublishingBlockedError';
  }
}

interface PhaseView {
  id: string;
  kind: AgendaItemKind;
  title: string;
}

interface WorkshopView {
  id: string;
  number: number;
  title: string;
  capacity: number;
  room: string | null;
}

type Found = Omit<AgendaWarning, 'blocksPublishing'>;

function phaseWarnings(
  capacity: number | null,
  phase: PhaseView,
  workshops: readonly WorkshopView[],
): Found[] {
  const at = { agendaItemId: phase.id, workshopId: null };
  if (workshops.length === 0) {
    const message = `'${phase.title}' has no workshops yet: participants cannot choose one.`;
    return [{ code: AgendaWarningCode.PHASE_WITHOUT_WORKSHOPS, message, ...at }];
  }
  const warnings: Found[] = [];
  const seats = workshops.reduce((sum, w) => sum + w.capacity, 0);
  if (capacity !== null && seats < capacity) {
    const message = `The workshops of '${phase.title}' have ${seats} seats together, fewer than the event's ${capacity}: ${capacity - seats} participants would find no workshop.`;
    warnings.push({ code: AgendaWarningCode.PHASE_SEATS_BELOW_EVENT_CAPACITY, message, ...at });
  }
  const rooms = new Map<string, WorkshopView>();
  for (const w of workshops) {
    const room = w.room?.trim().toLowerCase();
    if (!room) continue;
    const first = rooms.get(room);
    if (first) {
      const message = `Workshops ${first.number} and ${w.number} of '${phase.title}' both use room '${w.room}' at the same time.`;
      warnings.push({
        code: AgendaWarningCode.ROOM_USED_TWICE_IN_PHASE,
        message,
        agendaItemId: phase.id,
        workshopId: w.id,
      });
    } else rooms.set(room, w);
  }
  return warnings.map((w) => ({ ...w, blocksPublishing: BLOCKING.has(w.code) }));
}

/**
 * Configuration problems of an event's agenda: phases where participants would
 * find no seat or no workshop at all, workshops larger than the whole event,
 * rooms used twice at once. Pure: agenda items in agenda order, workshops by number.
 */
export function agendaWarnings(
  event: { capacity: number | null },
  items: readonly PhaseView[],
  workshopsOf: (phaseId: string) => readonly WorkshopView[],
): AgendaWarning[] {
  const warnings: Found[] = [];
  for (const item of items) {
    if (item.kind !== AgendaItemKind.WORKSHOP_PHASE) continue;
    const workshops = workshopsOf(item.id);
    warnings.push(...phaseWarnings(event.capacity, item, workshops));
    for (const w of workshops) {
      if (event.capacity !== null && w.capacity > event.capacity) {
        const message = `Workshop ${w.number} '${w.title}' has ${w.capacity} seats, more than the event's ${event.capacity}.`;
        warnings.push({
          code: AgendaWarningCode.WORKSHOP_CAPACITY_EXCEEDS_EVENT,
          message,
          agendaItemId: item.id,
          workshopId: w.id,
        });
      }
    }
  }
  return warnings.map((w) => ({ ...w, blocksPublishing: BLOCKING.has(w.code) }));
}
