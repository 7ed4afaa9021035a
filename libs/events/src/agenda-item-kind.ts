/**
 * The kind of a programme slot. A plain module without MikroORM, so the domain
 * rules (and their unit tests) do not load the entities.
 */
export enum AgendaItemKind {
  ARRIVAL = 'ARRIVAL',
  WELCOME = 'WELCOME',
  KEYNOTE = 'KEYNOTE',
  TALK = 'TALK',
  PANEL = 'PANEL',
  WORKSHOP_PHASE = 'WORKSHOP_PHASE',
  BREAK = 'BREAK',
  CLOSING = 'CLOSING',
  OTHER = 'OTHER',
}
