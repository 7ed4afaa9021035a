import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

/** A new manage token: 192 random bits, base64url (32 characters). */
export function newManageToken(): string {
  return randomBytes(24).toString('base64url');
}

/** A new read-only calendar token: 128 random bits, base64url. */
export function newCalendarToken(): string {
  return randomBytes(16).toString('base64url');
}

/** SHA-256 (hex) of a secret: what the database stores and is searched by. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Constant-time comparison of two hex hashes. The lookup is by hash already
 * (an index probe reveals nothing about the token); this re-check keeps the
 * final comparison free of early exits.
 */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

function keyFrom(idempotencyKey: string): Buffer {
  return createHmac('sha256', 'fachtag idempotency result').update(idempotencyKey).digest();
}

/** Encrypts a manage token under a key derived from the (never stored) idempotency key. */
export function sealToken(token: string, idempotencyKey: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(idempotencyKey), iv);
  const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** Reverses {@link sealToken}; throws when the key does not fit. */
export function openToken(sealed: string, idempotencyKey: string): string {
  const raw = Buffer.from(sealed, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', keyFrom(idempotencyKey), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
