/** Public URL of an event's calendar feed (`Event.calendarUrl`). */
export function eventFeedUrl(publicBaseUrl: string, slug: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/calendar/events/${encodeURIComponent(slug)}.ics`;
}

/** URL of a participant's personal calendar file (`Registration.calendarUrl`). */
export function registrationFeedUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/calendar/registrations/${encodeURIComponent(token)}.ics`;
}
