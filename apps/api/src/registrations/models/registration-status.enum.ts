import { registerEnumType } from '@nestjs/graphql';
import { MailStatus, RegistrationStatus } from '@fachtag/registrations';

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

registerEnumType(MailStatus, {
  name: 'MailStatus',
  description: 'Delivery of the latest mail to the participant.',
  valuesMap: {
    PENDING: { description: 'Queued, or being retried after a temporary failure.' },
    SENT: { description: 'Accepted by the mail server.' },
    FAILED: {
      description:
        'Refused permanently (e.g. unknown mailbox); not retried. Check the e-mail address with the participant.',
    },
  },
});

export { MailStatus };
