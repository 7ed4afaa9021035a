import { describe, expect, it } from '@jest/globals';
import { checkPageSize, decodeCursor, decodePosition, encodeCursor } from './cursor.js';

const ID = '3f0c9a52-7d1e-4c7a-9a51-0b6f2d1e8c44';
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('event cursors', () => {
  it('round-trip and refuse foreign strings', () => {
    const c = { startsAt: new Date('2026-06-19T07:00:00Z'), id: ID };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
    expect(() => decodeCursor('nonsense')).toThrow(expect.objectContaining({ field: ['after'] }));
  });

  it.each([
    ['garbage base64', '!!!'],
    ['a NUL character', 'abc\u0000'],
    ['other JSON', b64({ at: '2026-06-19T07:00:00.000Z', id: ID })],
    ['an id that is no UUID', b64(['2026-06-19T07:00:00.000Z', 'x'])],
    ['a NUL in the id', b64(['2026-06-19T07:00:00.000Z', '\u0000'])],
    ['a year JavaScript cannot write back', b64(['+275760-09-13T00:00:00.000Z', ID])],
    ['a negative year', b64(['-000001-01-01T00:00:00.000Z', ID])],
    ['year 0, which PostgreSQL does not read', b64(['0000-01-01T00:00:00.000Z', ID])],
    ['an impossible date', b64(['2027-02-30T00:00:00.000Z', ID])],
    ['a number for the instant', b64([1e20, ID])],
    ['more than two parts', b64(['2026-06-19T07:00:00.000Z', ID, 1])],
  ])('refuse %s before it reaches a query', (_, after) => {
    expect(() => decodePosition(after)).toThrow(expect.objectContaining({ field: ['after'] }));
  });

  it('bound the page size', () => {
    expect(() => checkPageSize(20)).not.toThrow();
    expect(() => checkPageSize(101)).toThrow(expect.objectContaining({ field: ['first'] }));
    expect(() => checkPageSize(-1)).toThrow(expect.objectContaining({ field: ['first'] }));
  });
});

// Mutation testing (docs/quality.md, 6 December 2026)
describe('cursors at their bounds', () => {
  it('accept the first instant, year 1, and refuse padding or more than 200 characters', () => {
    const first = { at: new Date('0001-01-01T00:00:00.000Z'), id: ID };
    expect(decodePosition(b64([first.at.toISOString(), ID]))).toEqual(first);
    const fine = b64(['2026-06-19T07:00:00.000Z', ID]);
    expect(() => decodePosition(`${fine}=`)).toThrow(expect.objectContaining({ field: ['after'] }));
    expect(() => decodePosition(fine + 'A'.repeat(201 - fine.length))).toThrow(
      expect.objectContaining({ field: ['after'] }),
    );
  });

  it('name the whole field path in the message', () => {
    expect(() => decodePosition('!!!', ['registrations', 'after'])).toThrow(
      expect.objectContaining({
        field: ['registrations', 'after'],
        message: expect.stringContaining('registrations.after'),
      }),
    );
  });

  it('take page sizes from 0 to the maximum', () => {
    expect(() => checkPageSize(0)).not.toThrow();
    expect(() => checkPageSize(100)).not.toThrow();
    expect(() => checkPageSize(10, 10)).not.toThrow();
    expect(() => checkPageSize(11, 10)).toThrow(expect.objectContaining({ field: ['first'] }));
  });
});
