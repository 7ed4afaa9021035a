import type { SpeakerData } from '../speaker.js';
import { AgendaItemKind } from '../agenda-item-kind.js';
import { InvalidInputError, msg } from '@fachtag/common';
import { checkSpeakers, checkText, TEXT_LIMITS } from './text-limits.js';

/** A slot on the time line. */
export interface Slot {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
}

/** An agenda item as it would be after a create or update. */
export interface AgendaItemDraft extends Slot {
  kind: AgendaItemKind;
  subtitle: string | null;
  description: string | null;
  room: string | null;
  speakers: SpeakerData[];
}

function overlaps(a: Slot, b: Slot): boolean {
  // touching slots (one ends when the next starts) are fine
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

/**
 * Checks an agenda item against its event and the event's other items: texts,
 * end after start, inside the event's span, overlapping no other item. A
 * phase's workshops run in parallel inside the phase, so they are no items here.
 */
export function validateAgendaItem(
  item: AgendaItemDraft,
  event: { startsAt: Date; endsAt: Date },
  others: readonly Slot[],
): void {
  checkText(item.title, ['title'], TEXT_LIMITS.title, true);
  checkText(item.subtitle, ['subtitle'], TEXT_LIMITS.subtitle);
  checkText(item.description, ['description'], TEXT_LIMITS.description);
  checkText(item.room, ['room'], TEXT_LIMITS.room);
  checkSpeakers(item.speakers, 'speakers');
  if (item.endsAt.getTime() <= item.startsAt.getTime()) {
    throw new InvalidInputError(['endsAt'], msg('event.endsAfterStart', {}));
  }
  if (item.startsAt.getTime() < event.startsAt.getTime()) {
    throw new InvalidInputError(['startsAt'], msg('agenda.itemStartsBeforeEvent', {}));
  }
  if (item.endsAt.getTime() > event.endsAt.getTime()) {
    throw new InvalidInputError(['endsAt'], msg('agenda.itemEndsAfterEvent', {}));
  }
  const clash = others.find((other) => other.id !== item.id && overlaps(item, other));
  if (clash) {
    throw new InvalidInputError(['startsAt'], msg('agenda.overlap', { title: clash.title }));
  }
}

/** A phase that has workshops must stay a phase: workshops live only in WORKSHOP_PHASEs. */
export function validateKindChange(
  from: AgendaItemKind,
  to: AgendaItemKind,
  workshopCount: number,
): void {
  if (from === AgendaItemKind.WORKSHOP_PHASE && to !== from && workshopCount > 0) {
    throw new InvalidInputError(
      ['kind'],
      msg('agenda.kindWithWorkshops', { count: workshopCount }),
    );
  }
}

/** Agenda order: by start, ties by title (then id, so the order is total). */
export function compareAgendaItems(
  a: { startsAt: Date; title: string; id: string },
  b: { startsAt: Date; title: string; id: string },
): number {
  return (
    a.startsAt.getTime() - b.startsAt.getTime() ||
    a.title.localeCompare(b.title, 'de') ||
    a.id.localeCompare(b.id)
  );
}
