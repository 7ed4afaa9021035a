import { registerEnumType } from '@nestjs/graphql';
import { AgendaItemKind, EventStatus } from '@fachtag/events';
import { CapacityStatus } from '@fachtag/seating';

registerEnumType(EventStatus, {
  name: 'EventStatus',
  description: 'Lifecycle of an event: drafts are visible to their organizers only.',
  valuesMap: {
    DRAFT: { description: 'Being prepared; visible to its organizers only.' },
    PUBLISHED: { description: 'Public; accepts registrations inside its registration window.' },
    CANCELLED: { description: 'Called off by its organizer; accepts nothing.' },
  },
});

registerEnumType(CapacityStatus, {
  name: 'CapacityStatus',
  description: 'How full an event or workshop is.',
  valuesMap: {
    AVAILABLE: { description: 'Seats left and below the warning threshold.' },
    FILLING_UP: {
      description:
        "At or above the event's capacityWarningThreshold: still open, but participants are asked to consider another choice.",
    },
    FULL: { description: 'No seat left.' },
  },
});

registerEnumType(AgendaItemKind, {
  name: 'AgendaItemKind',
  description: 'What happens in an agenda slot.',
  valuesMap: {
    ARRIVAL: { description: 'Arrival and registration desk.' },
    WELCOME: { description: 'Welcome and greetings.' },
    KEYNOTE: { description: 'Keynote speech.' },
    TALK: { description: 'Talk.' },
    PANEL: { description: 'Panel discussion.' },
    WORKSHOP_PHASE: { description: 'Parallel workshops; participants choose one.' },
    BREAK: { description: 'Break or lunch.' },
    CLOSING: { description: 'Closing round.' },
    OTHER: { description: 'Anything else.' },
  },
});

export { AgendaItemKind, CapacityStatus, EventStatus };
