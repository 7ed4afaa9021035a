import { InvalidInputError, msg } from '@fachtag/common';

/** What an organizer may still change on a cancelled event, its agenda items and workshops: texts. */
export const CANCELLED_EVENT_TEXTS = {
  event: ['title', 'subtitle', 'description', 'costNote', 'organizerName', 'contactEmail'],
  item: ['title', 'subtitle', 'description', 'speakers'],
  workshop: ['title', 'subtitle', 'description', 'hosts'],
} as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * A cancelled event is read-only apart from its texts (issue 11 item 4): times,
 * rooms, venue, capacity, slug or registration window of an event that no longer
 * takes place would only send participants contradicting mails. Compares the
 * merged new state with the current one, so a form that sends every field
 * unchanged still may correct a typo. Throws InvalidInputError naming the first
 * field that would change.
 */
export function assertCancelledChangesTextsOnly(
  status: string,
  before: object,
  after: object,
  texts: readonly string[],
): void {
  if (status !== 'CANCELLED') return;
  const old = before as Record<string, unknown>;
  const changed = Object.entries(after as Record<string, unknown>)
    .filter(([key, value]) => !texts.includes(key) && !same(old[key], value))
    .map(([key]) => key);
  if (changed.length > 0) {
    throw new InvalidInputError(
      [changed[0]],
      msg('event.cancelledTextsOnly', { texts: texts.join(', '), changed: changed.join(', ') }),
    );
  }
}

/** Adding or removing agenda items and workshops: refused once the event is cancelled. */
export function assertNotCancelled(status: string, field: string): void {
  if (status === 'CANCELLED') {
    throw new InvalidInputError([field], msg('event.cancelledProgramme', {}));
  }
}
