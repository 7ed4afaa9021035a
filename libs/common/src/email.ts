/** RFC 5321's limit of a forward path; longer addresses cannot be delivered. */
export const EMAIL_MAX_LENGTH = 254;

// One plain address and nothing else: a dot-atom local part of at most 64
// characters, one @, a domain of dot-separated labels with a letter TLD. No
// display name, no quotes, no comments, no commas, no second address: mail
// libraries parse such strings as address lists (`x,"y"@evil.com` becomes
// `y@evil.com` in a header), so what they send would differ from what was shown.
// Deliverability is proven by a mail, not by this check.
const PLAIN_ADDRESS =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/**
 * True when `value` is exactly one plain e-mail address (`name@example.org`).
 * The one validator behind every e-mail field of the API and the configuration.
 */
export function isPlainEmailAddress(value: string): boolean {
  if (value.length > EMAIL_MAX_LENGTH || !PLAIN_ADDRESS.test(value)) return false;
  return value.indexOf('@') <= 64;
}

/** The key under which e-mail addresses are compared: trimmed, lower-case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
