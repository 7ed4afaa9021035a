import { registerEnumType } from '@nestjs/graphql';
import { RegistrationStatus } from '../../../../../libs/registrations/src/index.js';

registerEnumType(RegistrationStatus, {
  name: 'RegistrationStatus',
  description: 'State of a registration.',
  valuesMap: {
    CONFIRMED: { description: 'Has a seat (and a seat in each chosen workshop).' },
    WAITLISTED: {
      description:
        'Waits for a seat; its workshop choices are wishes. Promoted first come, first served.',
    },
    CANCELLED: { description: 'Cancelled by the participant or an organizer.' },
  },
});

export { RegistrationStatus };
