export * from './domain/access.js';
export * from './domain/demo-password.js';
export * from './domain/organizer-input.js';
export * from './organizer.entity.js';
export * from './organizers.service.js';
export * from './password.js';
export * from './tokens.js';
export * from './organizers.module.js';
export * from './configured-organizer.js';

import { Organizer } from './organizer.entity.js';
/** The tables this lib owns, for the app's database module. */
export const ORGANIZER_ENTITIES = [Organizer];
