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

/**
 * The key manage tokens are derived under, from the server secret (JWT_SECRET),
 * which lives in the configuration, never in the database.
 */
export function manageTokenKey(serverSecret: string): Buffer {
  return createHmac('sha256', serverSecret).update('fachtag manage token v1').digest();
}

/**
 * A manage token: HMAC(key, seed), 192 bits, base64url (32 characters). The seed
 * is the registration's id for the token `register` hands out, and a random nonce
 * stored with the registration after each rotation ("Link verloren?"). The
 * database keeps the seed and the token's hash; neither yields the token without
 * the server secret. The mail worker derives the token when it sends, so no
 * queued job needs to carry it.
 */
export function deriveManageToken(key: Buffer, seed: string): string {
  return createHmac('sha256', key).update(seed).digest().subarray(0, 24).toString('base64url');
}

/** A fresh manage token with what the database stores of it. */
export interface IssuedManageToken {
  token: string;
  nonce: string;
  hash: string;
}

/** A rotated token: from a new random nonce. */
export function issueManageToken(key: Buffer): IssuedManageToken {
  const nonce = randomBytes(24).toString('base64url');
  const token = deriveManageToken(key, nonce);
  return { token, nonce, hash: sha256(token) };
}

/**
 * The registration's current manage token, derived again from its nonce (after a
 * rotation) or its id; null when that does not match the stored hash: a
 * registration from before tokens were derived, or a server secret changed since.
 */
export function currentManageToken(
  key: Buffer,
  registration: { id: string; manageTokenNonce: string | null; manageTokenHash: string },
): string | null {
  const token = deriveManageToken(key, registration.manageTokenNonce ?? registration.id);
  return sameHash(sha256(token), registration.manageTokenHash) ? token : null;
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
