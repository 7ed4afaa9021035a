import { EVENT_ENTITIES } from '@fachtag/events';
import { ORGANIZER_ENTITIES } from '@fachtag/organizers';
import { REGISTRATION_ENTITIES } from '@fachtag/registrations';

/** Every entity, from the libs that own their tables. */
export const ENTITIES = [...ORGANIZER_ENTITIES, ...EVENT_ENTITIES, ...REGISTRATION_ENTITIES];
