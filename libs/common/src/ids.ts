const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * True for a UUID in its text form. Ids of every table are UUIDs; any other
 * string names nothing here and must never reach a uuid column (PostgreSQL
 * would answer with an error instead of "not found").
 */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}
