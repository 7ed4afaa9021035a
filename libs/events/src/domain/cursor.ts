import { InvalidInputError } from '@fachtag/common';

/** Position in the events listing (ordered by start, then id). */
export interface EventCursor {
  startsAt: Date;
  id: string;
}

/** An opaque cursor; clients pass it back as `after`. */
export function encodeCursor(c: EventCursor): string {
  return Buffer.from(JSON.stringify([c.startsAt.toISOString(), c.id])).toString('base64url');
}

/** Decodes `after`; throws {@link InvalidInputError} for anything not made by encodeCursor. */
export function decodeCursor(after: string, field = ['after']): EventCursor {
  try {
    const [iso, id] = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as unknown[];
    const startsAt = new Date(String(iso));
    if (typeof id !== 'string' || typeof iso !== 'string' || Number.isNaN(startsAt.getTime())) {
      throw new Error('bad cursor');
    }
    return { startsAt, id };
  } catch {
    throw new InvalidInputError(field, 'after is not a cursor from this listing.');
  }
}

/** Page sizes are bounded so one request cannot ask for the whole table. */
export function checkPageSize(first: number, max = 100): void {
  if (!Number.isInteger(first) || first < 0 || first > max) {
    throw new InvalidInputError(['first'], `first must be a whole number from 0 to ${max}.`);
  }
}
