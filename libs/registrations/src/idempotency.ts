import type { EntityManager } from '@mikro-orm/core';
import { sql } from '@fachtag/database';
import { openToken, sealToken, sha256 } from './tokens.js';

/** How a register call with an idempotency key proceeds. */
export type IdempotencyClaim =
  | { kind: 'new' }
  | { kind: 'replay'; registrationId: string; manageToken: string }
  | { kind: 'conflict' };

/** Records are kept at least this long; older ones are purged by later registrations. */
export const IDEMPOTENCY_RETENTION_HOURS = 48;

/**
 * Claims `key` for this request inside the caller's transaction. Insert first:
 * of concurrent identical requests exactly one inserts, the others wait on the
 * primary key until it commits (then replay its result) or rolls back (then
 * one of them proceeds).
 */
export async function claimIdempotencyKey(
  em: EntityManager,
  key: string,
  requestHash: string,
): Promise<IdempotencyClaim> {
  const keyHash = sha256(key);
  const inserted = await sql(
    em,
    `insert into idempotency_records (key_hash, request_hash) values ($1, $2)
     on conflict (key_hash) do nothing returning key_hash`,
    [keyHash, requestHash],
  );
  if (inserted.length === 1) return { kind: 'new' };
  const [row] = await sql<{
    request_hash: string;
    registration_id: string | null;
    result: { sealedToken?: string } | null;
  }>(
    em,
    `select request_hash, registration_id, result from idempotency_records where key_hash = $1`,
    [keyHash],
  );
  if (!row || row.request_hash !== requestHash) return { kind: 'conflict' };
  if (!row.registration_id || !row.result?.sealedToken) return { kind: 'conflict' };
  return {
    kind: 'replay',
    registrationId: row.registration_id,
    manageToken: openToken(row.result.sealedToken, key),
  };
}

/** Stores the successful result under the claimed key (same transaction as the registration). */
export async function completeIdempotencyKey(
  em: EntityManager,
  key: string,
  registrationId: string,
  manageToken: string,
): Promise<void> {
  await sql(
    em,
    `update idempotency_records set registration_id = $2, result = $3::jsonb where key_hash = $1`,
    [sha256(key), registrationId, JSON.stringify({ sealedToken: sealToken(manageToken, key) })],
  );
}

/** Deletes records past the retention time. */
export async function purgeIdempotencyRecords(em: EntityManager): Promise<void> {
  await sql(
    em,
    `delete from idempotency_records where created_at < now() - make_interval(hours => $1)`,
    [IDEMPOTENCY_RETENTION_HOURS],
  );
}

/** A fingerprint of the request, to tell a retry from a different request under the same key. */
export function requestFingerprint(input: unknown): string {
  return sha256(JSON.stringify(input));
}
