import type { EntityManager } from '@mikro-orm/core';

/**
 * PostgreSQL refuses, very rarely, a row lock or update that it had found free:
 * "new multixact has more than one updating member" (SQLSTATE XX000). It happens
 * on the events row, which registrations share (key-share locks of their foreign
 * keys) while seat functions update it, when a subtransaction that had updated
 * the row (a seat function's refusal block) aborts at the same moment: for an
 * instant the aborted updater counts as finished to one check and as running to
 * the next. Seen once in 800 CI tests with 50 registrations racing for 5 seats.
 * The failed statement or transaction wrote nothing; the same work, run again,
 * decides afresh. See docs/decisions.md, "Transient lock failures".
 *
 * Deadlocks (40P01) and serialization failures (40001) are not in this list on
 * purpose: every seat change takes its locks in one order, so a deadlock is a bug
 * the race tests must see, not a hiccup to hide.
 */
export function isTransientLockFailure(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; depth += 1) {
    const { code, sqlState, message, cause } = e as {
      code?: unknown;
      sqlState?: unknown;
      message?: unknown;
      cause?: unknown;
    };
    if (
      (code === 'XX000' || sqlState === 'XX000') &&
      typeof message === 'string' &&
      message.includes(MULTIXACT_RACE)
    )
      return true;
    e = cause;
  }
  return false;
}

const MULTIXACT_RACE = 'new multixact has more than one updating member';

/** How often the same work is tried when PostgreSQL fails it transiently. */
export const TRANSIENT_ATTEMPTS = 5;

/**
 * Runs `work` until it does not fail transiently (at most TRANSIENT_ATTEMPTS
 * times); any other failure, and the last transient one, is thrown. Only for
 * work that has no effect when it fails: one autocommit statement, or a whole
 * transaction.
 */
export async function retryTransient<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (err) {
      if (attempt >= TRANSIENT_ATTEMPTS || !isTransientLockFailure(err)) throw err;
    }
  }
}

/**
 * One unit of work in its own transaction on a fork of `em`, run again from the
 * start (on a fresh fork) when PostgreSQL fails it transiently. `work` must do
 * nothing outside the database that a second run would repeat.
 */
export function transaction<T>(em: EntityManager, work: (em: EntityManager) => Promise<T>) {
  return retryTransient(() => em.fork().transactional(work));
}
