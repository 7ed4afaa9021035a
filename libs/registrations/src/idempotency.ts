import { sha256 } from './tokens.js';

/**
 * Records are kept at least this long; older ones are purged by later
 * registrations with a key (in `seating_register`).
 */
export const IDEMPOTENCY_RETENTION_HOURS = 48;

/** A fingerprint of the request, to tell a retry from a different request under the same key. */
export function requestFingerprint(input: unknown): string {
  return sha256(JSON.stringify(input));
}
