import { describe, expect, it } from '@jest/globals';
import { parseInstant } from './date-time.scalar.js';

describe('DateTime scalar', () => {
  it.each([
    ['2018-06-19T09:00:00+02:00', '2018-06-19T07:00:00.000Z'],
    ['2018-06-19T07:00:00.000Z', '2018-06-19T07:00:00.000Z'],
    ['2018-06-19T09:00+02:00', '2018-06-19T07:00:00.000Z'],
    ['2028-02-29T12:00:00Z', '2028-02-29T12:00:00.000Z'],
    ['2000-02-29T12:00:00Z', '2000-02-29T12:00:00.000Z'],
    ['2018-06-19T09:00:00.123456789-05:30', '2018-06-19T14:30:00.123Z'],
    ['0001-01-01T00:00:00Z', '0001-01-01T00:00:00.000Z'],
    ['0050-03-01T00:00:00Z', '0050-03-01T00:00:00.000Z'],
    ['9999-12-31T23:59:59Z', '9999-12-31T23:59:59.000Z'],
  ])('reads %s as %s', (input, utc) => {
    expect(parseInstant(input).toISOString()).toBe(utc);
  });

  it.each([
    ['30 February', '2027-02-30T10:00:00+00:00'],
    ['29 February of a common year', '2027-02-29T10:00:00Z'],
    ['29 February 1900', '1900-02-29T10:00:00Z'],
    ['31 April', '2027-04-31T10:00:00Z'],
    ['month 13', '2027-13-01T10:00:00Z'],
    ['day 0', '2027-01-00T10:00:00Z'],
    ['hour 24', '2027-06-15T24:00:00Z'],
    ['second 60', '2027-06-15T10:00:60Z'],
    ['an offset of 99 hours', '2027-06-15T10:00:00+99:00'],
    ['no offset', '2027-06-15T10:00:00'],
    ['year 0', '0000-06-15T10:00:00Z'],
    ['a UTC instant in year 10000', '9999-12-31T23:59:59-23:59'],
    ['a five-digit year', '10000-01-01T00:00:00Z'],
    ['an expanded year', '+275760-09-13T00:00:00Z'],
    ['a date only', '2027-06-15'],
    ['a NUL character', '2027-06-15T10:00:00Z\u0000'],
    ['a number', 1_800_000_000_000],
  ])('refuses %s', (_, input) => {
    expect(() => parseInstant(input)).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }),
    );
  });
});
