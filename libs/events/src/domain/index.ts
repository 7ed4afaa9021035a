/**
 * The events lib's pure rules, also public on their own as
 * `@fachtag/events/domain`: no MikroORM, no Nest. Other libs' domain rules
 * import this entry instead of `@fachtag/events` (which loads the entities and
 * services), so they and their unit tests stay free of the ORM.
 */
export * from '../agenda-item-kind.js';
export * from '../event-status.js';
export * from './agenda-rules.js';
export * from './agenda-warnings.js';
export * from './cancelled-event.js';
export * from './cursor.js';
export * from './event-rules.js';
export * from './registration-window.js';
export * from './removal.js';
export * from './slug.js';
export * from './text-limits.js';
export * from './workshop-rules.js';
export * from './zoned-time.js';
