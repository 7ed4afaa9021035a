import { describe, expect, it } from '@jest/globals';
import {
  daysBetween,
  localDateTimeToInstant,
  shiftLocalDays,
  wallTime,
  weekday,
} from './zoned-time.js';

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

describe('shiftLocalDays', () => {
  const berlin = (local: string) => localDateTimeToInstant(local, 'Europe/Berlin') as Date;
  it('keeps the wall-clock time across a change of the UTC offset', () => {
    // winter (+1) to summer (+2): 09:30 stays 09:30, the instant moves by 140 days minus an hour
    const moved = shiftLocalDays(berlin('2027-01-19T09:30'), 'Europe/Berlin', 140);
    expect(wallTime(moved, 'Europe/Berlin')).toBe('09:30');
    expect(moved.toISOString()).toBe('2027-06-08T07:30:00.000Z');
    const summer = shiftLocalDays(berlin('2027-03-20T09:30'), 'Europe/Berlin', 14);
    expect(summer.toISOString()).toBe('2027-04-03T07:30:00.000Z');
    expect(shiftLocalDays(berlin('2027-04-03T09:30'), 'Europe/Berlin', -14).toISOString()).toBe(
      '2027-03-20T08:30:00.000Z',
    );
  });

  it('counts days between local dates and moves a skipped time like the clocks do', () => {
    expect(daysBetween('2018-11-26', '2019-11-25')).toBe(364);
    expect(daysBetween('2027-03-29', '2027-03-27')).toBe(-2);
    // 02:30 does not exist on 2027-03-28 in Berlin: it lands on 03:30 local
    const skipped = shiftLocalDays(berlin('2027-03-21T02:30'), 'Europe/Berlin', 7);
    expect(wallTime(skipped, 'Europe/Berlin')).toBe('03:30');
  });
});

// Mutation testing (docs/quality.md, 6 December 2026)
describe('zoned times at their edges', () => {
  const berlin = (local: string) => localDateTimeToInstant(local, 'Europe/Berlin') as Date;

  it('takes the last hour of a day', () => {
    expect(berlin('2027-06-19T23:30').toISOString()).toBe('2027-06-19T21:30:00.000Z');
  });

  it('refuses a day the zone skipped and takes its neighbours (Samoa, 30 December 2011)', () => {
    const apia = (local: string) => localDateTimeToInstant(local, 'Pacific/Apia')?.toISOString();
    expect(apia('2011-12-29T12:00')).toBe('2011-12-29T22:00:00.000Z');
    expect(apia('2011-12-30T12:00')).toBeUndefined();
    expect(apia('2011-12-31T12:00')).toBe('2011-12-30T22:00:00.000Z');
  });

  it('moves onto a repeated time as its first occurrence, keeping seconds and milliseconds', () => {
    // 02:30 happens twice on 31 October 2027 in Berlin: first at 00:30Z (summer time)
    const before = berlin('2027-10-24T02:30');
    expect(shiftLocalDays(before, 'Europe/Berlin', 7).toISOString()).toBe(
      '2027-10-31T00:30:00.000Z',
    );
    expect(
      shiftLocalDays(new Date(before.getTime() + 15_250), 'Europe/Berlin', 7).toISOString(),
    ).toBe('2027-10-31T00:30:15.250Z');
  });

  it('knows the weekday of a local date (0 Sunday … 6 Saturday)', () => {
    expect(weekday('2027-06-22')).toBe(2);
    expect(weekday('2027-01-03')).toBe(0);
    expect(weekday('2027-12-31')).toBe(5);
  });
});

describe('zoned times: months and minutes', () => {
  it('counts days across the end of February', () => {
    expect(daysBetween('2027-02-28', '2027-03-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
  });

  it('moves a repeated time with minutes below ten onto its first occurrence', () => {
    const before = localDateTimeToInstant('2027-10-24T02:05', 'Europe/Berlin') as Date;
    expect(shiftLocalDays(before, 'Europe/Berlin', 7).toISOString()).toBe(
      '2027-10-31T00:05:00.000Z',
    );
  });
});
