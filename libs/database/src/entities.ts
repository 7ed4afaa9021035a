import { AgendaItem } from '../../events/src/agenda-item.entity.js';
import { Event } from '../../events/src/event.entity.js';
import { Workshop } from '../../events/src/workshop.entity.js';
import { Organizer } from '../../organizers/src/organizer.entity.js';
import { IdempotencyRecord } from '../../registrations/src/idempotency-record.entity.js';
import { Registration } from '../../registrations/src/registration.entity.js';
import { RegistrationWorkshop } from '../../registrations/src/registration-workshop.entity.js';

/**
 * Every entity of the application. Explicit on purpose: folder globs break in
 * monorepo builds and under jest (mikro-orm/nestjs#8).
 */
export const ENTITIES = [
  Organizer,
  Event,
  AgendaItem,
  Workshop,
  Registration,
  RegistrationWorkshop,
  IdempotencyRecord,
];
