import { InvalidInputError, msg } from '@fachtag/common';

/** Lowercase a-z, 0-9 and single dashes between them: safe in any URL path. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX_LENGTH = 80;

const TRANSLITERATIONS: Record<string, string> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  ß: 'ss',
  æ: 'ae',
  ø: 'oe',
  å: 'aa',
};

/**
 * A URL-safe slug from a title: German umlauts the way Germans spell them
 * without (ä → ae, ß → ss), other accents dropped, everything else a dash.
 */
export function slugify(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[äöüßæøå]/g, (c) => TRANSLITERATIONS[c])
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/^-+|-+$/g, '');
  return slug || 'event';
}

/** Throws unless `slug` is URL-safe and not too long. */
export function validateSlug(slug: string, field: string[] = ['slug']): void {
  if (slug.length > SLUG_MAX_LENGTH || !SLUG_PATTERN.test(slug)) {
    throw new InvalidInputError(field, msg('event.slug', { max: SLUG_MAX_LENGTH }));
  }
}

/** The first of `base`, `base-2`, `base-3`, … that `taken` does not contain. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = base.slice(0, SLUG_MAX_LENGTH - suffix.length).replace(/-+$/, '') + suffix;
    if (!taken.has(candidate)) return candidate;
  }
}
