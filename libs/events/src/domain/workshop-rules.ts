import type { SpeakerData } from '../speaker.js';
import { AgendaItemKind } from '../agenda-item-kind.js';
import { checkCapacity } from './event-rules.js';
import { InvalidInputError, msg } from '@fachtag/common';
import { checkSpeakers, checkText, TEXT_LIMITS } from './text-limits.js';

/** A workshop as it would be after a create or update. */
export interface WorkshopDraft {
  id: string;
  number: number;
  title: string;
  subtitle: string | null;
  description: string | null;
  room: string | null;
  hosts: SpeakerData[];
  capacity: number;
  seatsTaken: number;
}

/** Workshops run in parallel inside a WORKSHOP_PHASE and nowhere else. */
export function assertWorkshopPhase(kind: AgendaItemKind): void {
  if (kind !== AgendaItemKind.WORKSHOP_PHASE) {
    throw new InvalidInputError(['phaseId'], msg('agenda.notAPhase', { kind }));
  }
}

/** Workshop numbers run from 1 to this; they appear on badges and lists. */
export const MAX_WORKSHOP_NUMBER = 10_000;

/**
 * The number a new workshop gets when none is given: one above the event's
 * highest, or, once that is taken, the lowest free one. Throws only when all
 * numbers are used, on the phase (the organizer sent no number to blame).
 */
export function nextWorkshopNumber(numbers: readonly number[]): number {
  const highest = numbers.reduce((max, n) => Math.max(max, n), 0);
  if (highest < MAX_WORKSHOP_NUMBER) return highest + 1;
  const used = new Set(numbers);
  for (let n = 1; n <= MAX_WORKSHOP_NUMBER; n++) if (!used.has(n)) return n;
  throw new InvalidInputError(
    ['phaseId'],
    msg('agenda.workshopsFull', { max: MAX_WORKSHOP_NUMBER }),
  );
}

/**
 * Checks a workshop: texts, a positive capacity not below the seats taken, a
 * positive number that no other workshop of the event has.
 */
export function validateWorkshop(
  w: WorkshopDraft,
  others: ReadonlyArray<{ id: string; number: number }>,
): void {
  checkText(w.title, ['title'], TEXT_LIMITS.title, true);
  checkText(w.subtitle, ['subtitle'], TEXT_LIMITS.subtitle);
  checkText(w.description, ['description'], TEXT_LIMITS.description);
  checkText(w.room, ['room'], TEXT_LIMITS.room);
  checkSpeakers(w.hosts, 'hosts');
  checkCapacity(w.capacity, w.seatsTaken, ['capacity']);
  if (!Number.isInteger(w.number) || w.number < 1 || w.number > MAX_WORKSHOP_NUMBER) {
    throw new InvalidInputError(
      ['number'],
      msg('agenda.workshopNumber', { max: MAX_WORKSHOP_NUMBER }),
    );
  }
  if (others.some((o) => o.id !== w.id && o.number === w.number)) {
    throw new InvalidInputError(
      ['number'],
      msg('agenda.workshopNumberTaken', { number: w.number }),
    );
  }
}
