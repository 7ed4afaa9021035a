import type { VenueData } from '../speaker.js';
import { InvalidInputError, msg } from '@fachtag/common';
import { validateSlug } from './slug.js';
import { checkEmail, checkText, TEXT_LIMITS } from './text-limits.js';

export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const MAX_CAPACITY = 100_000;

/** The state of an event as it would be after a create or update. */
export interface EventDraft {
  slug: string;
  title: string;
  subtitle: string | null;
  description: string | null;
  timeZone: string;
  language: string;
  startsAt: Date;
  endsAt: Date;
  venue: VenueData | null;
  organizerName: string;
  contactEmail: string | null;
  costNote: string | null;
  capacity: number | null;
  seatsTaken: number;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date;
  capacityWarningThreshold: number;
}

// Intl also takes UTC offsets ('+01:00') as time zones; calendars and the IANA
// rules do not. What Intl lists, plus UTC and the fixed Etc/GMT±n zones, is IANA.
const IANA_ZONES = new Set<string>([...Intl.supportedValuesOf('timeZone'), 'UTC']);
const ETC_GMT = /^Etc\/GMT[+-]\d{1,2}$/;

/** The canonical IANA name of `zone` (any case, aliases allowed), or null when it is none. */
function ianaZone(zone: string): string | null {
  if (zone.length === 0 || zone.length > 64 || !/^[A-Za-z]/.test(zone)) return null;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  return IANA_ZONES.has(resolved) || ETC_GMT.test(resolved) ? resolved : null;
}

/** True for IANA zone names this runtime knows; UTC offsets such as '+01:00' are none. */
export function isValidTimeZone(zone: string): boolean {
  return ianaZone(zone) !== null;
}

/** The zone's canonical spelling ('europe/berlin' → 'Europe/Berlin'), as calendars expect it. */
export function canonicalTimeZone(zone: string): string {
  return ianaZone(zone) ?? zone;
}

/** Throws unless `capacity` is a positive whole number, not below the seats already taken. */
export function checkCapacity(capacity: number, seatsTaken: number, field: string[]): void {
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > MAX_CAPACITY) {
    throw new InvalidInputError(field, msg('event.capacityRange', { max: MAX_CAPACITY }));
  }
  if (capacity < seatsTaken) {
    throw new InvalidInputError(
      field,
      msg('event.capacityBelowTaken', { capacity, taken: seatsTaken }),
    );
  }
}

function checkTexts(e: EventDraft): void {
  validateSlug(e.slug);
  checkText(e.title, ['title'], TEXT_LIMITS.title, true);
  checkText(e.subtitle, ['subtitle'], TEXT_LIMITS.subtitle);
  checkText(e.description, ['description'], TEXT_LIMITS.description);
  checkText(e.organizerName, ['organizerName'], TEXT_LIMITS.organizerName, true);
  checkText(e.costNote, ['costNote'], TEXT_LIMITS.costNote);
  checkEmail(e.contactEmail, ['contactEmail']);
  if (e.venue) {
    checkText(e.venue.name, ['venue', 'name'], TEXT_LIMITS.venueField, true);
    checkText(e.venue.city, ['venue', 'city'], TEXT_LIMITS.venueField, true);
    checkText(e.venue.street, ['venue', 'street'], TEXT_LIMITS.venueField);
    checkText(e.venue.postalCode, ['venue', 'postalCode'], 20);
    checkText(e.venue.country, ['venue', 'country'], TEXT_LIMITS.venueField);
  }
}

function checkTimes(e: EventDraft): void {
  if (e.endsAt.getTime() <= e.startsAt.getTime()) {
    throw new InvalidInputError(['endsAt'], msg('event.endsAfterStart', {}));
  }
  // a participant must know whether they are in before the day begins
  if (e.registrationClosesAt.getTime() > e.startsAt.getTime()) {
    throw new InvalidInputError(['registrationClosesAt'], msg('event.cutoffAfterStart', {}));
  }
  if (
    e.registrationOpensAt &&
    e.registrationOpensAt.getTime() >= e.registrationClosesAt.getTime()
  ) {
    throw new InvalidInputError(['registrationOpensAt'], msg('event.opensAfterCutoff', {}));
  }
}

/** Checks every rule of an event's own fields; throws {@link InvalidInputError} naming the field. */
export function validateEvent(e: EventDraft): void {
  checkTexts(e);
  if (!isValidTimeZone(e.timeZone)) {
    throw new InvalidInputError(['timeZone'], msg('event.timeZone', { zone: e.timeZone }));
  }
  if (!(LANGUAGES as readonly string[]).includes(e.language)) {
    throw new InvalidInputError(
      ['language'],
      msg('event.language', { languages: LANGUAGES.join(', ') }),
    );
  }
  checkTimes(e);
  if (e.capacity !== null) checkCapacity(e.capacity, e.seatsTaken, ['capacity']);
  const t = e.capacityWarningThreshold;
  if (!Number.isFinite(t) || t <= 0 || t > 1) {
    throw new InvalidInputError(['capacityWarningThreshold'], msg('event.threshold', {}));
  }
}

/** Throws when an agenda item would lie outside the event's (possibly new) time span. */
export function validateAgendaInsideEvent(
  event: { startsAt: Date; endsAt: Date },
  items: ReadonlyArray<{ title: string; startsAt: Date; endsAt: Date }>,
): void {
  for (const item of items) {
    if (item.startsAt.getTime() < event.startsAt.getTime()) {
      throw new InvalidInputError(
        ['startsAt'],
        msg('event.itemBeforeEvent', { title: item.title }),
      );
    }
    if (item.endsAt.getTime() > event.endsAt.getTime()) {
      throw new InvalidInputError(['endsAt'], msg('event.itemAfterEvent', { title: item.title }));
    }
  }
}

/** True when two venues name the same place; key order and absent vs null do not matter. */
export function sameVenue(a: VenueData | null, b: VenueData | null): boolean {
  if (a === null || b === null) return a === b;
  const keys = ['name', 'street', 'postalCode', 'city', 'country'] as const;
  return keys.every((k) => (a[k] ?? null) === (b[k] ?? null));
}
