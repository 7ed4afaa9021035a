/**
 * Plain rows the export builders work from. Nothing here knows NestJS, the
 * database or GraphQL: the API reads the data and hands it over as these.
 */

export type ExportRegistrationStatus = 'CONFIRMED' | 'WAITLISTED' | 'CANCELLED';

export interface ExportVenue {
  name: string;
  street?: string | null;
  postalCode?: string | null;
  city: string;
}

export interface ExportEvent {
  title: string;
  /** URL-safe name, used in file names. */
  slug: string;
  startsAt: Date;
  endsAt: Date;
  /** IANA zone all times are printed in (the event's, never the server's). */
  timeZone: string;
  venue: ExportVenue | null;
  organizerName: string;
}

/** A workshop phase of the agenda. */
export interface ExportPhase {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
}

export interface ExportWorkshop {
  id: string;
  phaseId: string;
  number: number;
  title: string;
  room: string | null;
  capacity: number;
  /** Hosts as printed ("Name (Affiliation)"). */
  hosts: string[];
}

export interface ExportRegistration {
  id: string;
  status: ExportRegistrationStatus;
  firstName: string;
  lastName: string;
  email: string;
  organization: string | null;
  jobTitle: string | null;
  accessibilityNeeds: string | null;
  dietaryNeeds: string | null;
  registeredAt: Date;
  waitlistPosition: number | null;
  /** CONFIRMED: the booked workshops; WAITLISTED: the wished ones; one per phase at most. */
  workshopIds: string[];
}

/** Everything one event's lists are made of. */
export interface ExportData {
  event: ExportEvent;
  /** In agenda order. */
  phases: ExportPhase[];
  /** In number order. */
  workshops: ExportWorkshop[];
  registrations: ExportRegistration[];
}
