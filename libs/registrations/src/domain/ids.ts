const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a UUID; other ids name nothing here and must never reach a uuid column. */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}
