import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { SLUG_PATTERN, slugify, uniqueSlug, validateSlug } from './slug.js';

describe('slugify', () => {
  it('transliterates German the German way', () => {
    expect(slugify('Transferforum: Wie Zusammenarbeit in der Kommune Integration ermöglicht')).toBe(
      'transferforum-wie-zusammenarbeit-in-der-kommune-integration-ermoeglicht',
    );
    expect(slugify('Große Straße, Übergänge & Äpfel')).toBe('grosse-strasse-uebergaenge-aepfel');
    expect(slugify('Café für Élèves')).toBe('cafe-fuer-eleves');
    expect(slugify('!!!')).toBe('event');
  });

  it('cuts a long title to the maximum length without a dash at the end', () => {
    // 79 letters, a space, then more words: the cut falls right after the dash
    expect(slugify(`${'a'.repeat(79)} bc de`)).toBe('a'.repeat(79));
    expect(slugify('b'.repeat(200))).toBe('b'.repeat(80));
  });

  it('always yields a valid slug', () => {
    fc.assert(
      fc.property(
        fc.string(),
        (title) => SLUG_PATTERN.test(slugify(title)) && slugify(title).length <= 80,
      ),
    );
  });
});

describe('uniqueSlug', () => {
  it('counts up past taken slugs', () => {
    expect(uniqueSlug('fachtag', new Set())).toBe('fachtag');
    expect(uniqueSlug('fachtag', new Set(['fachtag', 'fachtag-2']))).toBe('fachtag-3');
  });

  it('shortens a base of the maximum length so the counter fits, dropping a dash before it', () => {
    const long = 'c'.repeat(80);
    expect(uniqueSlug(long, new Set([long]))).toBe(`${'c'.repeat(78)}-2`);
    // cut to 78 characters, the base would end in its dash: 'ab-…-' + '-2' would be a double dash
    const dashed = `ab-${'d'.repeat(74)}-ef`;
    expect(dashed).toHaveLength(80);
    expect(uniqueSlug(dashed, new Set([dashed]))).toBe(`ab-${'d'.repeat(74)}-2`);
  });
});

describe('validateSlug', () => {
  it('accepts lowercase letters, digits and single dashes', () => {
    expect(() => validateSlug('transferforum-2018')).not.toThrow();
    expect(() => validateSlug('x'.repeat(80))).not.toThrow();
    for (const bad of ['', 'Gross', 'a_b', '-a', 'a-', 'ä', 'a/b', 'x'.repeat(81)]) {
      expect(() => validateSlug(bad)).toThrow(expect.objectContaining({ field: ['slug'] }));
    }
  });
});
