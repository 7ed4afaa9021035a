/**
 * Low-level RFC 5545 text rules: escaping, line folding, UTC date-times.
 * Kept apart from the calendar model so each rule is tested on its own.
 */

// RFC 5545 §3.3.11 forbids control characters other than HTAB in TEXT values;
// dropping them also keeps user input from injecting new content lines.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value
    .replace(CONTROL, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * A parameter value (e.g. CN). DQUOTE cannot occur inside a quoted parameter
 * (RFC 5545 §3.1) and not every client knows RFC 6868's caret escapes, so it
 * becomes a single quote; line breaks become spaces.
 */
export function quoteParam(value: string): string {
  const clean = value
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(CONTROL, '')
    .replace(/"/g, "'");
  return `"${clean}"`;
}

/** A URI or CAL-ADDRESS value: no escaping exists for these, so unsafe characters go. */
export function uriValue(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\s\u0000-\u001f\u007f]/g, '');
}

const MAX_OCTETS = 75;

/**
 * Folds one content line at 75 octets (RFC 5545 §3.1) with CRLF + space,
 * never inside a multi-byte UTF-8 sequence: clients that split a character
 * show mojibake (the `ics` package counts characters, not octets).
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_OCTETS - 1; // the leading space of a continuation line counts
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** A DATE-TIME in UTC form (RFC 5545 §3.3.5, form #2), e.g. 20180619T070000Z. */
export function formatUtc(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('invalid date');
  return instant
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}
