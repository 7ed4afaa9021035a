/**
 * An event's publication state. A plain module without MikroORM, so the domain
 * rules (and their unit tests) do not load the entities.
 */
export enum EventStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  CANCELLED = 'CANCELLED',
}
