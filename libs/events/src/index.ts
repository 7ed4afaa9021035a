export * from './agenda-item.entity.js';
export * from './agenda.service.js';
export * from './domain/index.js';
export * from './event-input.js';
export * from './event.entity.js';
export * from './events-reader.service.js';
export * from './events.service.js';
export * from './speaker.js';
export * from './workshop.entity.js';
export * from './demo/index.js';
export * from './events.module.js';
export * from './event-change-listener.js';

import { AgendaItem } from './agenda-item.entity.js';
import { Event } from './event.entity.js';
import { Workshop } from './workshop.entity.js';
/** The tables this lib owns, for the app's database module. */
export const EVENT_ENTITIES = [Event, AgendaItem, Workshop];
