import { InvalidInputError, msg } from '@fachtag/common';

/** Position in the events listing (ordered by start, then id). */
export interface EventCursor {
  startsAt: Date;
  id: string;
}

/** A position in a listing ordered by an instant, then a UUID. */
export interface Position {
  at: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
// PostgreSQL has no year 0 in ISO input (1 BC is written 0001 BC); the API's instants start at year 1
const FIRST_INSTANT = new Date('0001-01-01T00:00:00.000Z');
const BASE64URL = /^[A-Za-z0-9_-]{1,200}$/;

/** An opaque cursor for a position; clients pass it back as `after`. */
export function encodePosition(p: Position): string {
  return Buffer.from(JSON.stringify([p.at.toISOString(), p.id])).toString('base64url');
}

/**
 * Decodes a cursor made by {@link encodePosition}. Anything else (other
 * characters, other JSON, an instant outside years 0001–9999, an id that is no
 * UUID) is refused with {@link InvalidInputError} before it can reach a query.
 */
export function decodePosition(after: string, field = ['after']): Position {
  const refuse = () =>
    new InvalidInputError(field, msg('input.cursor', { field: field.join('.') }));
  if (!BASE64URL.test(after)) throw refuse();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw refuse();
  const [iso, id] = parsed as unknown[];
  if (typeof iso !== 'string' || typeof id !== 'string') throw refuse();
  if (!ISO_UTC.test(iso) || !UUID.test(id)) throw refuse();
  const at = new Date(iso);
  // toISOString round trip: a real instant, written exactly as encodePosition writes it
  if (Number.isNaN(at.getTime()) || at.toISOString() !== iso || at < FIRST_INSTANT) throw refuse();
  return { at, id };
}

/** An opaque cursor; clients pass it back as `after`. */
export function encodeCursor(c: EventCursor): string {
  return encodePosition({ at: c.startsAt, id: c.id });
}

/** Decodes `after`; throws {@link InvalidInputError} for anything not made by encodeCursor. */
export function decodeCursor(after: string, field = ['after']): EventCursor {
  const { at, id } = decodePosition(after, field);
  return { startsAt: at, id };
}

/** Page sizes are bounded so one request cannot ask for the whole table. */
export function checkPageSize(first: number, max = 100): void {
  if (!Number.isInteger(first) || first < 0 || first > max) {
    throw new InvalidInputError(['first'], msg('input.first', { min: 0, max }));
  }
}
