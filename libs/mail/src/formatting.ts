import type { SpeakerData, VenueData } from '@fachtag/events';

const LOCALES: Record<string, string> = { de: 'de-DE', en: 'en-GB' };

function locale(language: string): string {
  return LOCALES[language] ?? LOCALES.de;
}

/** "Dienstag, 19. Juni 2018" / "Tuesday, 19 June 2018", in the event's time zone. */
export function formatDate(instant: Date, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale(language), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(instant);
}

/** "09:00" in the event's time zone. */
export function formatTime(instant: Date, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale(language), {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(instant);
}

/** "09:00 – 16:30 Uhr" / "09:00 – 16:30". */
export function formatTimeRange(
  start: Date,
  end: Date,
  language: string,
  timeZone: string,
): string {
  const range = `${formatTime(start, language, timeZone)} – ${formatTime(end, language, timeZone)}`;
  return language === 'en' ? range : `${range} Uhr`;
}

/** The venue as address lines, e.g. ['KOMED im MediaPark', 'Im Mediapark 7', '50670 Köln']. */
export function venueLines(venue: VenueData | null): string[] {
  if (!venue) return [];
  const city = [venue.postalCode, venue.city].filter(Boolean).join(' ');
  return [venue.name, venue.street, city, venue.country].filter((l): l is string => !!l);
}

/** "Jürgen Lemmer (Ressortleiter …), Anja Boßert" */
export function speakerList(speakers: SpeakerData[]): string {
  return speakers.map((s) => (s.affiliation ? `${s.name} (${s.affiliation})` : s.name)).join(', ');
}
