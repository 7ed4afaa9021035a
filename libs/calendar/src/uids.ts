/**
 * Stable UIDs (RFC 5545 §3.8.4.7): the same item always gets the same UID, so
 * calendars update an entry instead of adding a second one. The domain part
 * is the host of PUBLIC_BASE_URL, which keeps UIDs of different installations
 * apart. Registration UIDs differ from the public feed's on purpose: someone
 * who subscribes to the feed and imports their confirmation must not see one
 * entry overwrite the other.
 */
export interface CalendarUids {
  event(eventId: string): string;
  agendaItem(itemId: string): string;
  workshop(workshopId: string): string;
  /** The whole event in a participant's file. */
  registrationEvent(registrationId: string, eventId: string): string;
  /** An agenda item or workshop in a participant's file. */
  registrationItem(registrationId: string, itemId: string): string;
}

/** The UID domain: the host name of the public base URL (without port). */
export function uidDomain(publicBaseUrl: string): string {
  return new URL(publicBaseUrl).hostname;
}

/** UID builders for one installation. */
export function calendarUids(publicBaseUrl: string): CalendarUids {
  const domain = uidDomain(publicBaseUrl);
  return {
    event: (id) => `event-${id}@${domain}`,
    agendaItem: (id) => `agenda-${id}@${domain}`,
    workshop: (id) => `workshop-${id}@${domain}`,
    registrationEvent: (reg, id) => `reg-${reg}-event-${id}@${domain}`,
    registrationItem: (reg, id) => `reg-${reg}-item-${id}@${domain}`,
  };
}
