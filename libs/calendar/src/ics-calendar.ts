import { escapeText, foldLine, formatUtc, quoteParam, uriValue } from './ics-text.js';

/** iTIP method of a calendar object (RFC 5546). */
export type CalendarMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

/** Status of one VEVENT. */
export type CalendarEventStatus = 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';

/** Someone named in ORGANIZER or ATTENDEE. */
export interface CalendarPerson {
  name: string;
  email: string;
}

/** One VEVENT, as plain values. */
export interface CalendarEventInput {
  /** Globally unique and stable across every version of this event (see `calendarUids`). */
  uid: string;
  /** Must rise with every change a calendar has to apply (RFC 5545 §3.8.7.4). */
  sequence: number;
  start: Date;
  end: Date;
  summary: string;
  description?: string | null;
  /** Full address, so that map links in calendar apps work. */
  location?: string | null;
  url?: string | null;
  organizer?: CalendarPerson | null;
  /** For iTIP REQUEST/CANCEL mails; never RSVP-requesting. */
  attendees?: CalendarPerson[];
  status: CalendarEventStatus;
  categories?: string[];
}

/** A whole VCALENDAR object. */
export interface CalendarInput {
  method: CalendarMethod;
  /** PRODID, e.g. {@link DEFAULT_PRODUCT_ID}. */
  productId: string;
  /** Calendar name shown by subscribing clients (X-WR-CALNAME). */
  name?: string | null;
  /** IANA zone the client should prefer for display (X-WR-TIMEZONE); all times stay UTC. */
  timeZone?: string | null;
  /** DTSTAMP of every VEVENT: when this object was created. Defaults to now. */
  stamp?: Date;
  events: CalendarEventInput[];
}

export const DEFAULT_PRODUCT_ID = '-//Fachtag//Fachtag Calendar 1.0//DE';

/** The Content-Type of a calendar object; RFC 6047 wants `method` to equal the file's METHOD. */
export function calendarContentType(method: CalendarMethod): string {
  return `text/calendar; charset=utf-8; method=${method}`;
}

function checkEvent(event: CalendarEventInput): void {
  if (!event.uid.trim()) throw new RangeError('VEVENT needs a UID');
  if (!Number.isInteger(event.sequence) || event.sequence < 0) {
    throw new RangeError(`SEQUENCE of ${event.uid} must be a non-negative integer`);
  }
  if (!(event.end.getTime() > event.start.getTime())) {
    throw new RangeError(`VEVENT ${event.uid} must end after it starts`);
  }
}

function personParams(person: CalendarPerson): string {
  return `CN=${quoteParam(person.name)}:mailto:${uriValue(person.email)}`;
}

function eventLines(event: CalendarEventInput, stamp: string): string[] {
  checkEvent(event);
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${stamp}`,
    `DTSTART:${formatUtc(event.start)}`,
    `DTEND:${formatUtc(event.end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
  ];
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.url) lines.push(`URL:${uriValue(event.url)}`);
  if (event.organizer) lines.push(`ORGANIZER;${personParams(event.organizer)}`);
  for (const attendee of event.attendees ?? []) {
    lines.push(
      `ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE;${personParams(attendee)}`,
    );
  }
  if (event.categories?.length) {
    lines.push(`CATEGORIES:${event.categories.map(escapeText).join(',')}`);
  }
  lines.push(`STATUS:${event.status}`);
  // A cancelled event no longer blocks time in the attendee's calendar.
  lines.push(`TRANSP:${event.status === 'CANCELLED' ? 'TRANSPARENT' : 'OPAQUE'}`);
  lines.push('END:VEVENT');
  return lines;
}

/**
 * Renders an RFC 5545 calendar object: CRLF line endings, lines folded at 75
 * octets, TEXT escaped, every time in UTC (`…Z`) so no VTIMEZONE is needed.
 * Throws RangeError on an event without UID, with a negative SEQUENCE or
 * ending before it starts.
 */
export function buildCalendar(input: CalendarInput): string {
  const stamp = formatUtc(input.stamp ?? new Date());
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeText(input.productId)}`,
    'CALSCALE:GREGORIAN',
    `METHOD:${input.method}`,
  ];
  if (input.name) lines.push(`X-WR-CALNAME:${escapeText(input.name)}`);
  if (input.timeZone) lines.push(`X-WR-TIMEZONE:${escapeText(input.timeZone)}`);
  for (const event of input.events) lines.push(...eventLines(event, stamp));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
