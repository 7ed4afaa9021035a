import type { EntityManager } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/postgresql';
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import { retryTransient } from './transient.js';

/** Anything that runs parameterised SQL: `executeSql` is the shape pg-boss expects. */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/**
 * Runs parameterised SQL (`$1`, `$2`, … sent to PostgreSQL as real parameters,
 * never interpolated) on the entity manager's current transaction, or on the
 * pool when there is none. For the statements the ORM cannot express: atomic
 * conditional seat updates, row locks, job inserts.
 *
 * A statement outside a transaction that PostgreSQL fails transiently
 * (`isTransientLockFailure`) wrote nothing and is sent again; inside a
 * transaction the whole unit must run again (`transaction`).
 */
export async function sql<R = Record<string, unknown>>(
  em: EntityManager,
  text: string,
  values: readonly unknown[] = [],
): Promise<R[]> {
  const query = CompiledQuery.raw(text, [...values]);
  const tx = em.getTransactionContext<Transaction<unknown>>();
  if (tx) return (await tx.executeQuery(query)).rows as R[];
  const connection = em.getConnection() as unknown as AbstractSqlConnection;
  const pool: Kysely<unknown> = connection.getClient<unknown>();
  return retryTransient(async () => (await pool.executeQuery(query)).rows as R[]);
}

/** An executor bound to `em`'s transaction, e.g. for pg-boss `send(…, { db })`. */
export function sqlExecutor(em: EntityManager): SqlExecutor {
  return {
    executeSql: async (text, values = []) => ({ rows: await sql(em, text, values) }),
  };
}
