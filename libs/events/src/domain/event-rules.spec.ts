import { describe, expect, it } from '@jest/globals';
import { InvalidInputError } from '@fachtag/common';
import {
  canonicalTimeZone,
  isValidTimeZone,
  sameVenue,
  validateAgendaInsideEvent,
  validateEvent,
  type EventDraft,
} from './event-rules.js';

const base: EventDraft = {
  slug: 'transferforum-koeln',
  title: 'Transferforum',
  subtitle: null,
  description: null,
  timeZone: 'Europe/Berlin',
  language: 'de',
  startsAt: new Date('2026-06-19T07:00:00Z'),
  endsAt: new Date('2026-06-19T14:30:00Z'),
  venue: { name: 'KOMED', city: 'Köln' },
  organizerName: 'DKJS',
  contactEmail: null,
  costNote: null,
  capacity: 120,
  seatsTaken: 0,
  registrationOpensAt: null,
  registrationClosesAt: new Date('2026-05-27T21:59:00Z'),
  capacityWarningThreshold: 0.8,
};

function fieldOf(change: Partial<EventDraft>): string[] | null {
  try {
    validateEvent({ ...base, ...change });
    return null;
  } catch (error) {
    if (error instanceof InvalidInputError) return error.field;
    throw error;
  }
}

describe('validateEvent', () => {
  it('accepts a well-formed event', () => {
    expect(fieldOf({})).toBeNull();
    expect(fieldOf({ capacity: null, capacityWarningThreshold: 1 })).toBeNull();
    expect(fieldOf({ registrationClosesAt: base.startsAt })).toBeNull();
  });

  it.each<[Partial<EventDraft>, string[]]>([
    [{ endsAt: base.startsAt }, ['endsAt']],
    [{ endsAt: new Date('2026-06-19T06:00:00Z') }, ['endsAt']],
    [{ timeZone: 'Europe/Cologne' }, ['timeZone']],
    [{ language: 'fr' }, ['language']],
    [{ capacity: 0 }, ['capacity']],
    [{ capacity: -5 }, ['capacity']],
    [{ capacity: 10, seatsTaken: 11 }, ['capacity']],
    [{ capacityWarningThreshold: 0 }, ['capacityWarningThreshold']],
    [{ capacityWarningThreshold: 1.01 }, ['capacityWarningThreshold']],
    [{ capacityWarningThreshold: Number.NaN }, ['capacityWarningThreshold']],
    [{ slug: 'Transfer Forum' }, ['slug']],
    [{ slug: 'a--b' }, ['slug']],
    [{ title: '  ' }, ['title']],
    [{ title: 'x'.repeat(201) }, ['title']],
    [{ organizerName: '' }, ['organizerName']],
    [{ contactEmail: 'nope' }, ['contactEmail']],
    [{ venue: { name: 'KOMED', city: '' } }, ['venue', 'city']],
    [{ registrationClosesAt: new Date('2026-06-19T07:00:01Z') }, ['registrationClosesAt']],
    [{ registrationOpensAt: base.registrationClosesAt }, ['registrationOpensAt']],
  ])('refuses %j naming the field', (change, field) => {
    expect(fieldOf(change)).toEqual(field);
  });
});

describe('isValidTimeZone', () => {
  it('knows IANA zones only', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('spells zones canonically', () => {
    expect(canonicalTimeZone('europe/berlin')).toBe('Europe/Berlin');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
  });
});

describe('validateAgendaInsideEvent', () => {
  it('refuses a new span that leaves an item outside', () => {
    const item = {
      title: 'Keynote',
      startsAt: new Date('2026-06-19T08:00:00Z'),
      endsAt: new Date('2026-06-19T09:00:00Z'),
    };
    expect(() => validateAgendaInsideEvent(base, [item])).not.toThrow();
    expect(() =>
      validateAgendaInsideEvent(
        { startsAt: new Date('2026-06-19T08:30:00Z'), endsAt: base.endsAt },
        [item],
      ),
    ).toThrow(expect.objectContaining({ field: ['startsAt'] }));
    expect(() =>
      validateAgendaInsideEvent(
        { startsAt: base.startsAt, endsAt: new Date('2026-06-19T08:30:00Z') },
        [item],
      ),
    ).toThrow(expect.objectContaining({ field: ['endsAt'] }));
  });
});

describe('sameVenue', () => {
  it('ignores key order and absent versus null', () => {
    expect(
      sameVenue({ city: 'Köln', name: 'KOMED' }, { name: 'KOMED', city: 'Köln', street: null }),
    ).toBe(true);
    expect(sameVenue({ name: 'KOMED', city: 'Köln' }, { name: 'KOMED', city: 'Bonn' })).toBe(false);
    expect(sameVenue(null, { name: 'KOMED', city: 'Köln' })).toBe(false);
    expect(sameVenue(null, null)).toBe(true);
  });
});

// Mutation testing (docs/quality.md, 6 December 2026): every text names its own
// field, at its limit and one above; capacities and zones at their bounds.
describe('validateEvent, field by field at the bounds', () => {
  const venue = { name: 'KOMED', city: 'Köln' };
  it.each<[Partial<EventDraft>, Partial<EventDraft>, string[]]>([
    [{ subtitle: 'x'.repeat(300) }, { subtitle: 'x'.repeat(301) }, ['subtitle']],
    [{ description: 'x'.repeat(10_000) }, { description: 'x'.repeat(10_001) }, ['description']],
    [{ costNote: 'x'.repeat(2_000) }, { costNote: 'x'.repeat(2_001) }, ['costNote']],
    [
      { venue: { ...venue, name: 'x'.repeat(200) } },
      { venue: { ...venue, name: ' ' } },
      ['venue', 'name'],
    ],
    [
      { venue: { ...venue, street: 'x'.repeat(200) } },
      { venue: { ...venue, street: 'x'.repeat(201) } },
      ['venue', 'street'],
    ],
    [
      { venue: { ...venue, postalCode: 'x'.repeat(20) } },
      { venue: { ...venue, postalCode: 'x'.repeat(21) } },
      ['venue', 'postalCode'],
    ],
    [
      { venue: { ...venue, country: 'x'.repeat(200) } },
      { venue: { ...venue, country: 'x'.repeat(201) } },
      ['venue', 'country'],
    ],
    [{ capacity: 1 }, { capacity: 0 }, ['capacity']],
    [{ capacity: 100_000 }, { capacity: 100_001 }, ['capacity']],
    [{ capacity: 10, seatsTaken: 10 }, { capacity: 9, seatsTaken: 10 }, ['capacity']],
    [
      { registrationOpensAt: new Date(base.registrationClosesAt.getTime() - 1) },
      { registrationOpensAt: base.registrationClosesAt },
      ['registrationOpensAt'],
    ],
  ])('accepts %j, refuses %j naming %j', (fine, wrong, field) => {
    expect(fieldOf(fine)).toBeNull();
    expect(fieldOf(wrong)).toEqual(field);
  });

  it('a venue without name is refused only because of the name', () => {
    expect(fieldOf({ venue: { name: null as unknown as string, city: 'Köln' } })).toEqual([
      'venue',
      'name',
    ]);
  });

  it('names the languages it knows in the message', () => {
    expect(() => validateEvent({ ...base, language: 'fr' })).toThrow(/de, en/);
  });
});

describe('isValidTimeZone, the shape before Intl is asked', () => {
  it('refuses UTC offsets (Intl takes them), names not beginning with a letter and unknown ones', () => {
    expect(isValidTimeZone('+01:00')).toBe(false);
    expect(isValidTimeZone('1Europe/Berlin')).toBe(false);
    expect(isValidTimeZone(`Europe/${'x'.repeat(57)}`)).toBe(false); // 64 characters, unknown
    expect(isValidTimeZone('America/Argentina/ComodRivadavia')).toBe(true);
    expect(isValidTimeZone('Etc/GMT+5')).toBe(true);
  });
});

describe('validateAgendaInsideEvent at the edges', () => {
  it('accepts an item that starts when the event starts and ends when it ends', () => {
    const item = { title: 'Ganzer Tag', startsAt: base.startsAt, endsAt: base.endsAt };
    expect(() => validateAgendaInsideEvent(base, [item])).not.toThrow();
  });
});
