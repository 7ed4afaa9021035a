import { msg, render, type Locale, type Msg } from '@fachtag/common';
import { AgendaItemKind } from '../agenda-item-kind.js';

/** What an organizer should look at before (or after) publishing. */
export enum AgendaWarningCode {
  PHASE_SEATS_BELOW_EVENT_CAPACITY = 'PHASE_SEATS_BELOW_EVENT_CAPACITY',
  PHASE_WITHOUT_WORKSHOPS = 'PHASE_WITHOUT_WORKSHOPS',
  WORKSHOP_CAPACITY_EXCEEDS_EVENT = 'WORKSHOP_CAPACITY_EXCEEDS_EVENT',
  ROOM_USED_TWICE_IN_PHASE = 'ROOM_USED_TWICE_IN_PHASE',
}

export interface AgendaWarning {
  code: AgendaWarningCode;
  /** What is wrong, to be rendered in the reader's language. */
  text: Msg;
  /** The same in English (logs, tests). */
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
    super(PublishingBlockedError.describe(problems, 'en'));
    this.name = 'PublishingBlockedError';
  }

  /** The refusal with each problem, in `locale`. */
  static describe(problems: readonly AgendaWarning[], locale: Locale): string {
    const each = problems.map((p) => render(p.text, locale)).join(' ');
    return render(msg('event.publishingBlocked', { problems: each }), locale);
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

type Found = Omit<AgendaWarning, 'blocksPublishing' | 'message'>;

function phaseWarnings(
  capacity: number | null,
  phase: PhaseView,
  workshops: readonly WorkshopView[],
): Found[] {
  const at = { agendaItemId: phase.id, workshopId: null };
  if (workshops.length === 0) {
    const text = msg('warning.phaseWithoutWorkshops', { phase: phase.title });
    return [{ code: AgendaWarningCode.PHASE_WITHOUT_WORKSHOPS, text, ...at }];
  }
  const warnings: Found[] = [];
  const seats = workshops.reduce((sum, w) => sum + w.capacity, 0);
  if (capacity !== null && seats < capacity) {
    const text = msg('warning.phaseSeatsBelowCapacity', { phase: phase.title, seats, capacity });
    warnings.push({ code: AgendaWarningCode.PHASE_SEATS_BELOW_EVENT_CAPACITY, text, ...at });
  }
  const rooms = new Map<string, WorkshopView>();
  for (const w of workshops) {
    const room = w.room?.trim().toLowerCase();
    if (!room) continue;
    const first = rooms.get(room);
    if (first) {
      const text = msg('warning.roomUsedTwice', {
        phase: phase.title,
        first: first.number,
        second: w.number,
        room: w.room ?? '',
      });
      warnings.push({
        code: AgendaWarningCode.ROOM_USED_TWICE_IN_PHASE,
        text,
        agendaItemId: phase.id,
        workshopId: w.id,
      });
    } else rooms.set(room, w);
  }
  return warnings.map((w) => ({
    ...w,
    message: render(w.text, 'en'),
    blocksPublishing: BLOCKING.has(w.code),
  }));
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
        const text = msg('warning.workshopExceedsEvent', {
          number: w.number,
          title: w.title,
          seats: w.capacity,
          capacity: event.capacity,
        });
        warnings.push({
          code: AgendaWarningCode.WORKSHOP_CAPACITY_EXCEEDS_EVENT,
          text,
          agendaItemId: item.id,
          workshopId: w.id,
        });
      }
    }
  }
  return warnings.map((w) => ({
    ...w,
    message: render(w.text, 'en'),
    blocksPublishing: BLOCKING.has(w.code),
  }));
}
