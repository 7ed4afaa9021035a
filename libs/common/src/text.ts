/**
 * Text that PostgreSQL can store exactly as sent. PostgreSQL `text` cannot hold
 * U+0000 (the driver fails the whole statement), and an unpaired UTF-16
 * surrogate has no UTF-8 form (it would silently become U+FFFD). Everything else
 * is storable. Null when the text is fine, else what is wrong with it.
 */
export function unstorableText(value: string): string | null {
  if (value.includes('\u0000')) return 'the NUL character (U+0000)';
  if (!isWellFormed(value)) return 'an unpaired UTF-16 surrogate (U+D800–U+DFFF)';
  return null;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isWellFormed(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

/**
 * The length of a text as people count it for limits: Unicode code points, not
 * UTF-16 units (an emoji outside the Basic Multilingual Plane is one, not two).
 */
export function characterCount(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}
