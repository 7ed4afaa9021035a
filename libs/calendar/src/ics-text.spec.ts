import { describe, expect, it } from '@jest/globals';
import { escapeText, foldLine, formatUtc, quoteParam } from './ics-text.js';

describe('escapeText', () => {
  it('escapes backslashes, semicolons, commas and every kind of line break', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });

  it('drops control characters so input cannot start a new content line', () => {
    expect(escapeText('x\u0000y\u001bz\tw')).toBe('xyz\tw');
  });
});

describe('quoteParam', () => {
  it('keeps a parameter value inside its quotes', () => {
    expect(quoteParam('Kinder- und "Jugend"\nStiftung')).toBe('"Kinder- und \'Jugend\' Stiftung"');
  });
});

describe('foldLine', () => {
  it('leaves lines of up to 75 octets alone', () => {
    const line = 'X'.repeat(75);
    expect(foldLine(line)).toBe(line);
  });

  it('folds at 75 octets, continuation lines at 74 plus the leading space', () => {
    const folded = foldLine('A'.repeat(200)).split('\r\n');
    expect(folded.map((l) => Buffer.byteLength(l))).toEqual([75, 75, 52]);
    expect(folded.slice(1).every((l) => l.startsWith(' '))).toBe(true);
  });

  it('counts octets, not characters, and never splits a UTF-8 sequence', () => {
    const line = 'SUMMARY:' + 'Übergänge öffnen für Jugendliche '.repeat(6) + '😀'.repeat(30);
    const folded = foldLine(line).split('\r\n');
    for (const part of folded) {
      expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
      expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
      expect(part).not.toContain('\uFFFD');
    }
    expect(folded.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
  });
});

describe('formatUtc', () => {
  it('writes the UTC form with Z and no milliseconds', () => {
    expect(formatUtc(new Date('2018-06-19T07:00:00.123Z'))).toBe('20180619T070000Z');
  });

  it('refuses an invalid date', () => {
    expect(() => formatUtc(new Date('nope'))).toThrow(RangeError);
  });
});
