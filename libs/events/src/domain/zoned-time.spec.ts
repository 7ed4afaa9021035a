import { describe, expect, it } from '@jest/globals';
import { addDays, localDate, weekday, zonedTimeToUtc, zoneOffsetMs } from './zoned-time.js';

const BERLIN = 'Europe/Berlin';

describe('zonedTimeToUtc', () => {
  it('converts Berlin summer time (CEST, UTC+2)', () => {
    expect(zonedTimeToUtc('2018-06-19', '09:00', BERLIN).toISOString()).toBe(
      '2018-06-19T07:00:00.000Z',
    );
  });

  it('converts Berlin winter time (CET, UTC+1)', () => {
    expect(zonedTimeToUtc('2027-01-19', '16:30', BERLIN).toISOString()).toBe(
      '2027-01-19T15:30:00.000Z',
    );
  });

  it('gets the offset right on both DST change days', () => {
    // 2026-03-29 clocks jump 02:00 → 03:00; 2026-10-25 they fall back 03:00 → 02:00
    expect(zonedTimeToUtc('2026-03-29', '09:00', BERLIN).toISOString()).toBe(
      '2026-03-29T07:00:00.000Z',
    );
    expect(zonedTimeToUtc('2026-10-25', '09:00', BERLIN).toISOString()).toBe(
      '2026-10-25T08:00:00.000Z',
    );
  });

  it('works in other zones and with seconds', () => {
    expect(zonedTimeToUtc('2026-07-01', '23:59:59', 'America/New_York').toISOString()).toBe(
      '2026-07-02T03:59:59.000Z',
    );
    expect(zonedTimeToUtc('2026-07-01', '12:00', 'UTC').toISOString()).toBe(
      '2026-07-01T12:00:00.000Z',
    );
  });
});

describe('date helpers', () => {
  it('reads the local date and offset in a zone', () => {
    const lateEvening = new Date('2026-06-18T22:30:00Z');
    expect(localDate(lateEvening, BERLIN)).toBe('2026-06-19');
    expect(localDate(lateEvening, 'UTC')).toBe('2026-06-18');
    expect(zoneOffsetMs(lateEvening, BERLIN)).toBe(2 * 3600_000);
  });

  it('adds days across months and years and knows weekdays', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2018-06-19', -23)).toBe('2018-05-27');
    expect(weekday('2018-06-19')).toBe(2); // a Tuesday, like the 2018 Transferforum
  });
});
