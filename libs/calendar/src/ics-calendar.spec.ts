import { describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import {
  buildCalendar,
  calendarContentType,
  DEFAULT_PRODUCT_ID,
  type CalendarEventInput,
  type CalendarInput,
} from './ics-calendar.js';
import { calendarUids } from './uids.js';

const berlin = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** What a reader in Cologne sees on the wall clock. */
function inBerlin(date: Date): string {
  return berlin.format(date);
}

function parse(text: string): { calendar: ICAL.Component; events: ICAL.Event[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return {
    calendar,
    events: calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)),
  };
}

const uids = calendarUids('https://fachtag.example.org:8443/base');

function sample(overrides: Partial<CalendarEventInput> = {}): CalendarEventInput {
  return {
    uid: uids.agendaItem('1b7c'),
    sequence: 3,
    // 09:00–16:30 in Cologne on a summer day (CEST, UTC+2)
    start: new Date('2018-06-19T07:00:00Z'),
    end: new Date('2018-06-19T14:30:00Z'),
    summary: 'Keynote „Integration durch Kooperation: Herausforderungen; Handlungsmöglichkeiten“',
    description: 'Zeile eins, mit Komma; Semikolon\nZeile zwei: Übergänge \\ Backslash',
    location: 'KOMED im MediaPark GmbH, Im Mediapark 7, 50670 Köln',
    url: 'https://fachtag.example.org/calendar/events/transferforum-koeln-2018.ics',
    organizer: { name: 'Deutsche Kinder- und Jugendstiftung', email: 'info@dkjs.example' },
    status: 'CONFIRMED',
    categories: ['Transferforum, Köln', 'Keynote'],
    ...overrides,
  };
}

function calendar(overrides: Partial<CalendarInput> = {}): CalendarInput {
  return {
    method: 'PUBLISH',
    productId: DEFAULT_PRODUCT_ID,
    name: 'Transferforum Köln',
    timeZone: 'Europe/Berlin',
    stamp: new Date('2026-11-21T06:00:00Z'),
    events: [sample()],
    ...overrides,
  };
}

describe('buildCalendar', () => {
  it('uses CRLF line endings only and folds every line at 75 octets', () => {
    const text = buildCalendar(calendar());
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text).toContain('\r\n '); // the long summary was folded
  });

  it('round-trips UID, SEQUENCE, METHOD, status, organizer and DTSTAMP through ical.js', () => {
    const { calendar: cal, events } = parse(buildCalendar(calendar({ method: 'REQUEST' })));
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(cal.getFirstPropertyValue('prodid')).toBe(DEFAULT_PRODUCT_ID);
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    const [event] = events;
    expect(event.uid).toBe('agenda-1b7c@fachtag.example.org');
    expect(event.sequence).toBe(3);
    expect(event.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    const organizer = event.component.getFirstProperty('organizer')!;
    expect(organizer.getFirstValue()).toBe('mailto:info@dkjs.example');
    expect(organizer.getParameter('cn')).toBe('Deutsche Kinder- und Jugendstiftung');
    const stamp = event.component.getFirstPropertyValue('dtstamp') as ICAL.Time;
    expect(stamp.toJSDate().toISOString()).toBe('2026-11-21T06:00:00.000Z');
  });

  it('escapes commas, semicolons, newlines and backslashes and keeps umlauts intact', () => {
    const input = sample();
    const [event] = parse(buildCalendar(calendar())).events;
    expect(event.summary).toBe(input.summary);
    expect(event.description).toBe(input.description);
    expect(event.location).toBe(input.location);
    const categories = event.component.getFirstProperty('categories')!.getValues();
    expect(categories).toEqual(['Transferforum, Köln', 'Keynote']);
  });

  it('writes times in UTC that read 09:00–16:30 in Cologne in summer (CEST) and winter (CET)', () => {
    const summer = sample({ uid: 's@x' });
    const winter = sample({
      uid: 'w@x',
      start: new Date('2019-01-15T08:00:00Z'),
      end: new Date('2019-01-15T15:30:00Z'),
    });
    const text = buildCalendar(calendar({ events: [summer, winter] }));
    expect(text).toContain('DTSTART:20180619T070000Z');
    expect(text).toContain('DTSTART:20190115T080000Z');
    expect(text).not.toContain('TZID');
    const [s, w] = parse(text).events;
    expect(s.startDate.zone?.tzid).toBe('UTC');
    expect(inBerlin(s.startDate.toJSDate())).toBe('19.06.2018, 09:00');
    expect(inBerlin(s.endDate.toJSDate())).toBe('19.06.2018, 16:30');
    expect(inBerlin(w.startDate.toJSDate())).toBe('15.01.2019, 09:00');
    expect(inBerlin(w.endDate.toJSDate())).toBe('15.01.2019, 16:30');
  });

  it('marks a cancellation with METHOD:CANCEL, STATUS:CANCELLED and the same UID', () => {
    const text = buildCalendar(
      calendar({ method: 'CANCEL', events: [sample({ status: 'CANCELLED', sequence: 4 })] }),
    );
    const { calendar: cal, events } = parse(text);
    expect(cal.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(events[0].uid).toBe('agenda-1b7c@fachtag.example.org');
    expect(events[0].sequence).toBe(4);
    expect(events[0].component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(events[0].component.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
  });

  it('lists attendees without asking for an RSVP', () => {
    const text = buildCalendar(
      calendar({ events: [sample({ attendees: [{ name: 'Jörg "J" Muster', email: 'j@x.de' }] })] }),
    );
    const attendee = parse(text).events[0].component.getFirstProperty('attendee')!;
    expect(attendee.getFirstValue()).toBe('mailto:j@x.de');
    expect(attendee.getParameter('cn')).toBe("Jörg 'J' Muster");
    expect(attendee.getParameter('rsvp')).toBe('FALSE');
  });

  it('omits optional properties that are not given', () => {
    const text = buildCalendar(
      calendar({
        name: null,
        timeZone: null,
        events: [
          sample({ description: null, location: null, url: null, organizer: null, categories: [] }),
        ],
      }),
    );
    expect(text).not.toMatch(/^(DESCRIPTION|LOCATION|URL|ORGANIZER|CATEGORIES|X-WR-)/m);
  });

  it.each([
    ['an empty UID', { uid: ' ' }],
    ['a negative SEQUENCE', { sequence: -1 }],
    ['a fractional SEQUENCE', { sequence: 1.5 }],
    ['an end before the start', { end: new Date('2018-06-19T06:00:00Z') }],
  ])('refuses %s', (_name, overrides) => {
    expect(() => buildCalendar(calendar({ events: [sample(overrides)] }))).toThrow(RangeError);
  });
});

describe('calendarContentType', () => {
  it('names the method as RFC 6047 requires', () => {
    expect(calendarContentType('REQUEST')).toBe('text/calendar; charset=utf-8; method=REQUEST');
  });
});

describe('calendarUids', () => {
  it('builds stable UIDs on the host of the public base URL', () => {
    const a = calendarUids('http://localhost:3000');
    expect(a.event('e1')).toBe('event-e1@localhost');
    expect(a.agendaItem('i1')).toBe('agenda-i1@localhost');
    expect(a.workshop('w1')).toBe('workshop-w1@localhost');
    expect(a.registrationItem('r1', 'i1')).toBe('reg-r1-item-i1@localhost');
    expect(a.registrationEvent('r1', 'e1')).toBe('reg-r1-event-e1@localhost');
    expect(calendarUids('http://localhost:3000').workshop('w1')).toBe(a.workshop('w1'));
  });
});
