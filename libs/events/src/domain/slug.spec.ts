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
});

describe('validateSlug', () => {
  it('accepts lowercase letters, digits and single dashes', () => {
    expect(() => validateSlug('transferforum-2018')).not.toThrow();
    for (const bad of ['', 'Gross', 'a_b', '-a', 'a-', 'ä', 'a/b', 'x'.repeat(81)]) {
      expect(() => validateSlug(bad)).toThrow(expect.objectContaining({ field: ['slug'] }));
    }
  });
});
