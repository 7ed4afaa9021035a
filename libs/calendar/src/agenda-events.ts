import type { CalendarEventInput, CalendarPerson } from './ics-calendar.js';

/** The parts of a venue a calendar shows; structurally the events' VenueData. */
export interface VenueSource {
  name: string;
  street?: string | null;
  postalCode?: string | null;
  city: string;
  country?: string | null;
}

export interface SpeakerSource {
  name: string;
  affiliation?: string | null;
}

/** The event fields a calendar needs; an Event entity fits. */
export interface EventSource {
  id: string;
  title: string;
  description?: string | null;
  language: string;
  status: string;
  startsAt: Date;
  endsAt: Date;
  venue: VenueSource | null;
  revision: number;
  cancelReason?: string | null;
}

/** An agenda item; an AgendaItem entity fits. */
export interface AgendaItemSource {
  id: string;
  kind: string;
  title: string;
  subtitle: string | null;
  description: string | null;
  startsAt: Date;
  endsAt: Date;
  room: string | null;
  speakers: SpeakerSource[];
  revision: number;
}

/** A workshop; a Workshop entity fits. Its times are its phase's. */
export interface WorkshopSource {
  id: string;
  number: number;
  title: string;
  subtitle: string | null;
  description: string | null;
  room: string | null;
  hosts: SpeakerSource[];
  revision: number;
}

/** An agenda item with the workshops of it (only a WORKSHOP_PHASE has any) that go in the file. */
export interface AgendaEntry {
  item: AgendaItemSource;
  workshops: WorkshopSource[];
}

/** How UIDs are made; the public feed and a participant's file differ. */
export interface UidScheme {
  event(eventId: string): string;
  agendaItem(itemId: string): string;
  workshop(workshopId: string): string;
}

export interface AgendaCalendarOptions {
  uids: UidScheme;
  organizer: CalendarPerson | null;
  attendees?: CalendarPerson[];
  url?: string | null;
}

type Labels = Record<
  'with' | 'room' | 'hosts' | 'workshops' | 'partOf' | 'workshop' | 'cancelled',
  string
>;

const LABELS: Record<'de' | 'en', Labels> = {
  de: {
    with: 'Mit',
    room: 'Raum',
    hosts: 'Leitung',
    workshops: 'Parallele Workshops',
    partOf: 'Teil von',
    workshop: 'Workshop',
    cancelled: 'ABGESAGT',
  },
  en: {
    with: 'With',
    room: 'Room',
    hosts: 'Hosts',
    workshops: 'Parallel workshops',
    partOf: 'Part of',
    workshop: 'Workshop',
    cancelled: 'CANCELLED',
  },
};

function labels(language: string): Labels {
  return language.toLowerCase().startsWith('en') ? LABELS.en : LABELS.de;
}

/** "Room, Venue, Street, 12345 City, Country": the full address, for LOCATION. */
export function formatLocation(venue: VenueSource | null, room?: string | null): string | null {
  if (!venue) return room ?? null;
  const cityLine = [venue.postalCode, venue.city].filter(Boolean).join(' ');
  return [room, venue.name, venue.street, cityLine, venue.country].filter(Boolean).join(', ');
}

function people(label: string, list: SpeakerSource[]): string | null {
  if (list.length === 0) return null;
  const lines = list.map((p) => `– ${p.affiliation ? `${p.name}, ${p.affiliation}` : p.name}`);
  return `${label}:\n${lines.join('\n')}`;
}

function paragraphs(parts: Array<string | null | undefined>): string {
  return parts.filter((p): p is string => Boolean(p && p.trim())).join('\n\n');
}

function itemDescription(entry: AgendaEntry, l: Labels): string {
  const { item, workshops } = entry;
  const list = workshops.map(
    (w) => `– ${l.workshop} ${w.number}: ${w.title}${w.room ? ` (${w.room})` : ''}`,
  );
  return paragraphs([
    item.subtitle,
    item.description,
    item.room ? `${l.room}: ${item.room}` : null,
    people(l.with, item.speakers),
    list.length ? `${l.workshops}:\n${list.join('\n')}` : null,
  ]);
}

/** Description of a workshop entry: subtitle, text, room, hosts and its phase. */
export function workshopDescription(
  w: WorkshopSource,
  phase: AgendaItemSource,
  language: string,
): string {
  const l = labels(language);
  return paragraphs([
    w.subtitle,
    w.description,
    w.room ? `${l.room}: ${w.room}` : null,
    people(l.hosts, w.hosts),
    `${l.partOf}: ${phase.title}`,
  ]);
}

/** "Workshop 5: Title" in the event's language. */
export function workshopSummary(w: WorkshopSource, language: string): string {
  return `${labels(language).workshop} ${w.number}: ${w.title}`;
}

type Common = Pick<CalendarEventInput, 'organizer' | 'attendees' | 'url' | 'status' | 'categories'>;

/** Says why in every entry of a cancelled event, since clients show STATUS inconsistently. */
function withCancellation(event: EventSource, l: Labels, description: string | null): string {
  if (event.status !== 'CANCELLED') return description ?? '';
  const note = event.cancelReason ? `${l.cancelled}: ${event.cancelReason}` : l.cancelled;
  return paragraphs([note, description]);
}

function entryEvents(
  event: EventSource,
  entry: AgendaEntry,
  options: AgendaCalendarOptions,
  common: Common,
): CalendarEventInput[] {
  const l = labels(event.language);
  const { item } = entry;
  const itemEvent: CalendarEventInput = {
    ...common,
    uid: options.uids.agendaItem(item.id),
    sequence: event.revision + item.revision,
    start: item.startsAt,
    end: item.endsAt,
    summary: item.title,
    description: withCancellation(event, l, itemDescription(entry, l)),
    location: formatLocation(event.venue, item.room),
  };
  const workshopEvents = entry.workshops.map((w): CalendarEventInput => ({
    ...common,
    uid: options.uids.workshop(w.id),
    sequence: event.revision + item.revision + w.revision,
    start: item.startsAt,
    end: item.endsAt,
    summary: workshopSummary(w, event.language),
    description: withCancellation(event, l, workshopDescription(w, item, event.language)),
    location: formatLocation(event.venue, w.room),
  }));
  return [itemEvent, ...workshopEvents];
}

/**
 * One VEVENT per agenda item and one per listed workshop (at its phase's
 * times); just the event when the agenda is empty. SEQUENCE adds the
 * revisions that can move an entry (event, item, phase): each only rises,
 * so the sum rises with every change, and cancelling the event (which raises
 * its revision) raises every entry's SEQUENCE.
 */
export function agendaCalendarEvents(
  event: EventSource,
  agenda: AgendaEntry[],
  options: AgendaCalendarOptions,
): CalendarEventInput[] {
  const common: Common = {
    organizer: options.organizer,
    attendees: options.attendees,
    url: options.url ?? null,
    status: event.status === 'CANCELLED' ? 'CANCELLED' : 'CONFIRMED',
    categories: [event.title],
  };
  if (agenda.length > 0) return agenda.flatMap((e) => entryEvents(event, e, options, common));
  return [
    {
      ...common,
      uid: options.uids.event(event.id),
      sequence: event.revision,
      start: event.startsAt,
      end: event.endsAt,
      summary: event.title,
      description: withCancellation(event, labels(event.language), event.description ?? null),
      location: formatLocation(event.venue),
    },
  ];
}
