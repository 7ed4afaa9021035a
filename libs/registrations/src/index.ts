export * from './domain/index.js';
export * from './history-store.js';
export * from './idempotency-record.entity.js';
export * from './manage-link.service.js';
export * from './organizer-moves.service.js';
export * from './registration-changes.service.js';
export * from './registration-counts.js';
export * from './registration-failure.js';
export * from './registration-queries.service.js';
export * from './registration-workshop.entity.js';
export * from './registration.entity.js';
export * from './registrations.module.js';
export * from './registrations.service.js';
export * from './tokens.js';
export * from './mail/registration-calendar.js';
export * from './mail/registration-mail.composer.js';
export * from './mail/registration-mail.module.js';

import { IdempotencyRecord } from './idempotency-record.entity.js';
import { RegistrationWorkshop } from './registration-workshop.entity.js';
import { Registration } from './registration.entity.js';
/** The tables this lib owns, for the app's database module. */
export const REGISTRATION_ENTITIES = [Registration, RegistrationWorkshop, IdempotencyRecord];
