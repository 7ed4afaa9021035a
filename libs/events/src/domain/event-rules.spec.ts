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
