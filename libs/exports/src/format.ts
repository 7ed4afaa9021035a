import type { ExportEvent, ExportPhase, ExportRegistration, ExportWorkshop } from './model.js';

const collator = new Intl.Collator('de-DE', { sensitivity: 'base', numeric: true });

/** Alphabetical by last name, then first name, as a German reader expects (Ä with A, ß as ss). */
export function byName(a: ExportRegistration, b: ExportRegistration): number {
  return (
    collator.compare(a.lastName, b.lastName) ||
    collator.compare(a.firstName, b.firstName) ||
    a.registeredAt.getTime() - b.registeredAt.getTime() ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** "Größe, Jürgen". */
export function listName(r: Pick<ExportRegistration, 'firstName' | 'lastName'>): string {
  return `${r.lastName}, ${r.firstName}`;
}

function parts(date: Date, timeZone: string): Record<string, string> {
  const fmt = new Intl.DateTimeFormat('de-DE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return Object.fromEntries(fmt.formatToParts(date).map((p) => [p.type, p.value]));
}

/** "15.06.2027 09:05" in `timeZone`. */
export function localDateTime(date: Date, timeZone: string): string {
  const p = parts(date, timeZone);
  return `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}`;
}

/** "09:05" in `timeZone`. */
export function localTime(date: Date, timeZone: string): string {
  const p = parts(date, timeZone);
  return `${p.hour}:${p.minute}`;
}

/**
 * The wall-clock time of `date` in `timeZone` as a UTC instant: spreadsheets
 * have no time zones, so a cell must hold what the clock on the wall showed.
 */
export function wallClock(date: Date, timeZone: string): Date {
  const p = parts(date, timeZone);
  return new Date(
    Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute)),
  );
}

function longDate(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('de-DE', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(date);
}

/** "Dienstag, 15. Juni 2027, 09:00–16:30 Uhr", or a range of days. */
export function eventWhen(event: Pick<ExportEvent, 'startsAt' | 'endsAt' | 'timeZone'>): string {
  const tz = event.timeZone;
  const startDay = longDate(event.startsAt, tz);
  if (startDay === longDate(event.endsAt, tz)) {
    return `${startDay}, ${localTime(event.startsAt, tz)}–${localTime(event.endsAt, tz)} Uhr`;
  }
  return `${localDateTime(event.startsAt, tz)} Uhr – ${localDateTime(event.endsAt, tz)} Uhr`;
}

/** "KOMED im MediaPark, Im Mediapark 7, 50670 Köln"; null without a venue. */
export function eventPlace(event: Pick<ExportEvent, 'venue'>): string | null {
  const v = event.venue;
  if (!v) return null;
  const city = [v.postalCode, v.city].filter((s) => s && s.trim() !== '').join(' ');
  return [v.name, v.street, city].filter((s) => s && s.trim() !== '').join(', ');
}

/** "11:00–12:30 Uhr". */
export function phaseTime(phase: ExportPhase, timeZone: string): string {
  return `${localTime(phase.startsAt, timeZone)}–${localTime(phase.endsAt, timeZone)} Uhr`;
}

/** "Workshop 3: Title". */
export function workshopLabel(w: Pick<ExportWorkshop, 'number' | 'title'>): string {
  return `Workshop ${w.number}: ${w.title}`;
}

export const STATUS_LABELS: Record<ExportRegistration['status'], string> = {
  CONFIRMED: 'bestätigt',
  WAITLISTED: 'Warteliste',
  CANCELLED: 'storniert',
};
