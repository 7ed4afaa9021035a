import type { ExportData, ExportRegistration } from '../model.js';

let serial = 0;

/** A registration with defaults a test overrides. */
export function person(overrides: Partial<ExportRegistration> = {}): ExportRegistration {
  serial += 1;
  return {
    id: `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`,
    status: 'CONFIRMED',
    firstName: 'Erika',
    lastName: 'Mustermann',
    email: `erika.${serial}@example.org`,
    organization: 'Stadt Köln',
    jobTitle: null,
    accessibilityNeeds: null,
    dietaryNeeds: null,
    registeredAt: new Date(Date.UTC(2027, 4, 1, 8, serial % 60)),
    waitlistPosition: null,
    workshopIds: ['w1', 'w12'],
    ...overrides,
  };
}

/**
 * The Transferforum on 15 June 2027 (summer time), two phases, Jürgen Größe and
 * Weiß among the participants.
 */
export function transferforum(registrations: ExportRegistration[]): ExportData {
  return {
    event: {
      title: 'Transferforum: Wie Zusammenarbeit in der Kommune Integration ermöglicht',
      slug: 'transferforum-koeln',
      startsAt: new Date('2027-06-15T07:00:00Z'),
      endsAt: new Date('2027-06-15T14:30:00Z'),
      timeZone: 'Europe/Berlin',
      venue: {
        name: 'KOMED im MediaPark',
        street: 'Im Mediapark 7',
        postalCode: '50670',
        city: 'Köln',
      },
      organizerName: 'Deutsche Kinder- und Jugendstiftung',
    },
    phases: [
      {
        id: 'p1',
        title: 'Workshopphase I',
        startsAt: new Date('2027-06-15T09:00:00Z'),
        endsAt: new Date('2027-06-15T10:30:00Z'),
      },
      {
        id: 'p2',
        title: 'Workshopphase II',
        startsAt: new Date('2027-06-15T11:30:00Z'),
        endsAt: new Date('2027-06-15T13:00:00Z'),
      },
    ],
    workshops: [
      {
        id: 'w1',
        phaseId: 'p1',
        number: 1,
        title: 'Übergänge gestalten',
        room: 'Raum Süd',
        capacity: 20,
        hosts: ['Dr. Anna Weiß (Stadt Köln)'],
      },
      {
        id: 'w2',
        phaseId: 'p1',
        number: 2,
        title: 'Bildungsketten',
        room: null,
        capacity: 15,
        hosts: [],
      },
      {
        id: 'w12',
        phaseId: 'p2',
        number: 12,
        title: 'Kommunale Koordinierung',
        room: 'Großer Saal',
        capacity: 30,
        hosts: [],
      },
    ],
    registrations,
  };
}
