import { describe, expect, it } from '@jest/globals';
import {
  agendaCalendarEvents,
  formatLocation,
  type AgendaItemSource,
  type EventSource,
} from './agenda-events.js';
import { calendarUids } from './uids.js';

const uids = calendarUids('https://fachtag.example');

const event: EventSource = {
  id: 'e1',
  title: 'Transferforum',
  description: 'Ein Fachtag',
  language: 'en',
  status: 'PUBLISHED',
  startsAt: new Date('2027-01-19T08:00:00Z'),
  endsAt: new Date('2027-01-19T15:30:00Z'),
  venue: { name: 'KOMED', street: 'Im Mediapark 7', postalCode: '50670', city: 'Köln' },
  revision: 4,
};

const phase: AgendaItemSource = {
  id: 'p1',
  kind: 'WORKSHOP_PHASE',
  title: 'Phase I',
  subtitle: null,
  description: null,
  startsAt: new Date('2027-01-19T10:30:00Z'),
  endsAt: new Date('2027-01-19T12:00:00Z'),
  room: null,
  speakers: [],
  revision: 1,
};

describe('agendaCalendarEvents', () => {
  it('falls back to one VEVENT for the whole event when the agenda is empty', () => {
    const [only, ...rest] = agendaCalendarEvents(event, [], { uids, organizer: null });
    expect(rest).toEqual([]);
    expect(only).toMatchObject({
      uid: 'event-e1@fachtag.example',
      sequence: 4,
      start: event.startsAt,
      end: event.endsAt,
      location: 'KOMED, Im Mediapark 7, 50670 Köln',
      status: 'CONFIRMED',
    });
  });

  it('gives workshops their phase times, English labels, and a participant-specific UID scheme', () => {
    const workshop = {
      id: 'w7',
      number: 7,
      title: 'Listening',
      subtitle: null,
      description: null,
      room: 'Room B',
      hosts: [{ name: 'Petra', affiliation: 'AWO' }],
      revision: 2,
    };
    const personal = {
      event: (id: string) => uids.registrationEvent('r9', id),
      agendaItem: (id: string) => uids.registrationItem('r9', id),
      workshop: (id: string) => uids.registrationItem('r9', id),
    };
    const cancelled = { ...event, status: 'CANCELLED', cancelReason: 'Storm warning' };
    const [, ws] = agendaCalendarEvents(cancelled, [{ item: phase, workshops: [workshop] }], {
      uids: personal,
      organizer: null,
    });
    expect(ws).toMatchObject({
      uid: 'reg-r9-item-w7@fachtag.example',
      sequence: 4 + 1 + 2,
      start: phase.startsAt,
      end: phase.endsAt,
      summary: 'Workshop 7: Listening',
      status: 'CANCELLED',
    });
    expect(ws.description).toBe(
      'CANCELLED: Storm warning\n\nRoom: Room B\n\nHosts:\n– Petra, AWO\n\nPart of: Phase I',
    );
  });
});

describe('formatLocation', () => {
  it('puts the room before the full address and copes without a venue', () => {
    expect(formatLocation(null, 'Saal')).toBe('Saal');
    expect(formatLocation(null)).toBeNull();
    expect(formatLocation({ name: 'KOMED', city: 'Köln', country: 'Deutschland' }, 'Saal')).toBe(
      'Saal, KOMED, Köln, Deutschland',
    );
  });
});
