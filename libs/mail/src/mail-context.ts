import type { SpeakerData, VenueData } from '@fachtag/events';
import type { MailChange, NamedWorkshop } from './mail-changes.js';
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
  /**
   * The participant's manage page (`/verwalten#<token>`), present where the clear
   * token is known; without it the mail says how to request a new link.
   */
  manageUrl?: string;
  /** The event's public page: where a cancelled participant or a lost link leads. */
  eventUrl: string;
  calendarUrl?: string;
  byOrganizer?: boolean;
  reason?: string | null;
  /** A change mail: what changed since the participant's last mail, merged (old → new). */
  changes?: MailChange[];
  /** A promotion: the phases where the participant holds another workshop than they wished for. */
  notWished?: Array<{ phaseTitle: string; wished: NamedWorkshop | null; got: NamedWorkshop }>;
}
