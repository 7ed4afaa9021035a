import { describe, expect, it } from '@jest/globals';
import {
  agendaCalendarEvents,
  formatLocation,
  type AgendaItemSource,
  type EventSource,
} from './agenda-events.js';
import { registrationCalendarEvents } from './registration-events.js';
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
    // each block of the description from the inputs (English labels: language 'en')
    const blocks = (ws.description ?? '').split('\n\n');
    expect(blocks).toEqual([
      `CANCELLED: ${cancelled.cancelReason}`,
      `Room: ${workshop.room}`,
      ['Hosts:', ...workshop.hosts.map((h) => `– ${h.name}, ${h.affiliation}`)].join('\n'),
      `Part of: ${phase.title}`,
    ]);
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

describe('registrationCalendarEvents', () => {
  const workshop = {
    id: 'w5',
    number: 5,
    title: 'Von der Schule in den Beruf',
    subtitle: null,
    description: null,
    room: 'Workshopraum 5',
    hosts: [{ name: 'Landkreis Schwandorf' }],
    revision: 1,
  };
  const source = (revision: number, active: boolean) => ({
    registrationId: 'r1',
    revision,
    active,
    event: { ...event, language: 'de' },
    workshops: [{ phase, workshop }],
  });
  const options = {
    uids,
    organizer: { name: 'DKJS', email: 'info@dkjs.example' },
    attendee: { name: 'Ada', email: 'ada@example.org' },
  };

  it('lists the event and each chosen workshop under registration UIDs', () => {
    const [ev, ws] = registrationCalendarEvents(source(0, true), options);
    expect(ev).toMatchObject({ uid: 'reg-r1-event-e1@fachtag.example', sequence: 4 });
    expect(ws).toMatchObject({
      uid: 'reg-r1-item-w5@fachtag.example',
      sequence: 4 + 1 + 1,
      start: phase.startsAt,
      summary: 'Workshop 5: Von der Schule in den Beruf',
      status: 'CONFIRMED',
      attendees: [options.attendee],
    });
    expect(ws.description).toContain('Leitung:\n– Landkreis Schwandorf');
  });

  it('keeps UIDs, raises SEQUENCE and cancels every entry when the registration is cancelled', () => {
    const before = registrationCalendarEvents(source(1, true), options);
    const after = registrationCalendarEvents(source(2, false), options);
    expect(after.map((e) => e.uid)).toEqual(before.map((e) => e.uid));
    after.forEach((e, i) => expect(e.sequence).toBeGreaterThan(before[i].sequence));
    expect(after.every((e) => e.status === 'CANCELLED')).toBe(true);
  });
});
