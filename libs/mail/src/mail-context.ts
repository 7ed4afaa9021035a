import type { SpeakerData, VenueData } from '@fachtag/events';
import type { MailJobKind } from './mail-job.js';

/** A workshop as a participant's mail shows it. */
export interface MailWorkshop {
  phaseTitle: string;
  number: number;
  title: string;
  startsAt: Date;
  endsAt: Date;
  room: string | null;
  hosts: SpeakerData[];
}

/**
 * Everything one mail is rendered from: plain values read from the database when
 * the job runs. Rendering is a pure function of this.
 */
export interface MailContext {
  kind: MailJobKind;
  /** 'de' or 'en'. */
  language: string;
  timeZone: string;
  participant: { firstName: string; lastName: string; email: string };
  event: {
    title: string;
    subtitle: string | null;
    startsAt: Date;
    endsAt: Date;
    venue: VenueData | null;
    costNote: string | null;
    organizerName: string;
    contactEmail: string | null;
    registrationClosesAt: Date;
  };
  workshops: MailWorkshop[];
  /** Present only where the clear token is known (the participant's own requests). */
  manageToken?: string;
  calendarUrl?: string;
  graphqlUrl: string;
  byOrganizer?: boolean;
  reason?: string | null;
}
