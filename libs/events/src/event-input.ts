import type { SpeakerData, VenueData } from './speaker.js';
import type { AgendaItemKind } from './agenda-item.entity.js';

/** Fields of a new event, as organizers send them (see CreateEventInput). */
export interface CreateEventData {
  slug?: string | null;
  title: string;
  subtitle?: string | null;
  description?: string | null;
  timeZone?: string | null;
  language?: string | null;
  startsAt: Date;
  endsAt: Date;
  venue?: VenueData | null;
  organizerName: string;
  contactEmail?: string | null;
  costNote?: string | null;
  capacity?: number | null;
  waitlistEnabled?: boolean | null;
  registrationOpensAt?: Date | null;
  registrationClosesAt: Date;
  capacityWarningThreshold?: number | null;
}

/** Changes to an event: absent fields stay; null clears optional fields. */
export type UpdateEventData = {
  [K in keyof CreateEventData]?: CreateEventData[K] | null;
};

export interface AgendaItemData {
  kind: AgendaItemKind;
  title: string;
  subtitle?: string | null;
  description?: string | null;
  startsAt: Date;
  endsAt: Date;
  room?: string | null;
  speakers?: SpeakerData[] | null;
}

export type UpdateAgendaItemData = {
  [K in keyof AgendaItemData]?: AgendaItemData[K] | null;
};

export interface WorkshopData {
  number?: number | null;
  title: string;
  subtitle?: string | null;
  description?: string | null;
  room?: string | null;
  capacity: number;
  hosts?: SpeakerData[] | null;
}

export type UpdateWorkshopData = {
  [K in keyof WorkshopData]?: WorkshopData[K] | null;
};

/** The new value of a nullable field: unchanged when absent (undefined), cleared by null. */
export function patch<T>(sent: T | null | undefined, current: T | null): T | null {
  return sent === undefined ? current : sent;
}
