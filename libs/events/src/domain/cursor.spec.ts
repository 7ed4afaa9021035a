import { describe, expect, it } from '@jest/globals';
import { checkPageSize, decodeCursor, encodeCursor } from './cursor.js';

describe('event cursors', () => {
  it('round-trip and refuse foreign strings', () => {
    const c = { startsAt: new Date('2026-06-19T07:00:00Z'), id: 'abc' };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
    expect(() => decodeCursor('nonsense')).toThrow(expect.objectContaining({ field: ['after'] }));
  });

  it('bound the page size', () => {
    expect(() => checkPageSize(20)).not.toThrow();
    expect(() => checkPageSize(101)).toThrow(expect.objectContaining({ field: ['first'] }));
    expect(() => checkPageSize(-1)).toThrow(expect.objectContaining({ field: ['first'] }));
  });
});
