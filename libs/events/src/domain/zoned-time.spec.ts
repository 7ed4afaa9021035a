import { describe, expect, it } from '@jest/globals';
import { localDateTimeToInstant, wallTime } from './zoned-time.js';

const at = (local: string, zone = 'Europe/Berlin') =>
  localDateTimeToInstant(local, zone)?.toISOString() ?? null;

describe('localDateTimeToInstant', () => {
  it('turns wall-clock times into instants with the zone offset of that very day', () => {
    expect(at('2027-06-19T09:00')).toBe('2027-06-19T07:00:00.000Z'); // summer time, +2
    expect(at('2027-01-19T09:00')).toBe('2027-01-19T08:00:00.000Z'); // winter time, +1
    expect(at('2027-06-19T09:00', 'America/New_York')).toBe('2027-06-19T13:00:00.000Z');
  });

  it('refuses a time that clocks skip, and takes the first of a time they repeat', () => {
    // Berlin 2027-03-28: 02:00 → 03:00
    expect(at('2027-03-28T02:30')).toBeNull();
    expect(at('2027-03-28T03:00')).toBe('2027-03-28T01:00:00.000Z');
    expect(at('2027-03-28T01:59')).toBe('2027-03-28T00:59:00.000Z');
    // Berlin 2027-10-31: 03:00 → 02:00, 02:30 happens at 00:30Z and at 01:30Z
    expect(at('2027-10-31T02:30')).toBe('2027-10-31T00:30:00.000Z');
    expect(at('2027-10-31T03:30')).toBe('2027-10-31T02:30:00.000Z');
  });

  it('refuses what is not a real local date and time', () => {
    for (const bad of [
      '2027-02-30T10:00',
      '2027-13-01T10:00',
      '2027-06-19T24:00',
      '2027-06-19 09:00',
      '9:00',
      '',
    ]) {
      expect({ bad, at: at(bad) }).toEqual({ bad, at: null });
    }
  });

  it('reads instants back as wall-clock times', () => {
    expect(wallTime(new Date('2027-06-19T07:00:00Z'), 'Europe/Berlin')).toBe('09:00');
  });
});
