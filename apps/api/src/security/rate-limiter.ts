import { createHash } from 'node:crypto';
import type pg from 'pg';
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { addressKey } from './client-address.js';
import { LOGIN_FAILURE_MEMORY_MS, loginDelayMs } from './login-backoff.js';
import { HOURLY_LIMITS, RATE_LIMITED_FIELDS, type RateLimits } from './rate-limit-rules.js';

export type { RateLimits };

/** Outcome of {@link RateLimiter.take}. */
export interface RateDecision {
  allowed: boolean;
  /** The configured limit per minute. */
  perMinute: number;
  /** For an hourly limit: the configured limit per hour. */
  perHour?: number;
  /** Whole seconds until the next request is accepted; 0 when allowed. */
  retryAfterSeconds: number;
}

/** The table of the shared counters, created by a migration (Migration0005RateLimits). */
export const RATE_LIMIT_TABLE = 'rate_limits';

/** Makes one counter of rate-limiter-flexible: `points` per `duration` seconds under `keyPrefix`. */
export type CounterFactory = (options: {
  keyPrefix: string;
  points: number;
  duration: number;
}) => RateLimiterAbstract;

/**
 * Counters in PostgreSQL, shared by every API process on the database. Should the
 * database fail to answer, each process falls back to counting in its own memory
 * (the library's insurance limiter) instead of refusing everybody.
 */
export function postgresCounters(pool: pg.Pool): CounterFactory {
  return (options) =>
    new RateLimiterPostgres({
      ...options,
      storeClient: pool,
      storeType: 'pool',
      tableName: RATE_LIMIT_TABLE,
      // the migration created it; the library must not issue DDL at run time
      tableCreated: true,
      insuranceLimiter: new RateLimiterMemory(options),
    });
}

/** Counters in this process's memory: for unit tests of the rules. */
export const memoryCounters: CounterFactory = (options) => new RateLimiterMemory(options);

/** Keys are hashed: no client address or e-mail address lies in the table in clear. */
function storeKey(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('base64url');
}

const MINUTE_SECONDS = 60;

/**
 * Rate limits and the login back-off, counted by rate-limiter-flexible. A limit
 * of n per minute is a window of one minute per client address that opens with
 * its first request and lets n requests through, at once if they come at once.
 * With {@link postgresCounters} the windows live in PostgreSQL, so a client gets
 * n per minute whichever API process it reaches.
 */
export class RateLimiter {
  private readonly counters = new Map<string, RateLimiterAbstract>();
  private readonly loginFailures: RateLimiterAbstract;
  private fields: Record<string, string>;

  /** Waits before a slowed-down login is checked; tests replace it to see the delay. */
  wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  constructor(
    private limits: RateLimits,
    private readonly makeCounter: CounterFactory,
    fields: Readonly<Record<string, string>> = RATE_LIMITED_FIELDS,
  ) {
    this.fields = { ...fields };
    this.loginFailures = makeCounter({
      keyPrefix: 'login-failures',
      points: 1,
      duration: LOGIN_FAILURE_MEMORY_MS / 1000,
    });
  }

  /** Adds or replaces limits and the root fields counted against them (tests use it). */
  configure(change: { limits?: RateLimits; fields?: Record<string, string> }): void {
    this.limits = { ...this.limits, ...change.limits };
    this.fields = { ...this.fields, ...change.fields };
  }

  /** The limit a root field counts against, if any. */
  limitOfField(field: string): string | undefined {
    return Object.hasOwn(this.fields, field) ? this.fields[field] : undefined;
  }

  /** Counts one request of `address` against the limit `name`. */
  async take(name: string, address: string | undefined): Promise<RateDecision> {
    return this.takeKey(name, addressKey(address));
  }

  /** Counts one request under any key (e.g. a normalised e-mail address) against `name`. */
  async takeKey(name: string, key: string): Promise<RateDecision> {
    const limit = this.limits[name] ?? 0;
    const hourly = HOURLY_LIMITS.has(name);
    const shape = hourly ? { perMinute: limit / 60, perHour: limit } : { perMinute: limit };
    if (limit <= 0) return { allowed: true, ...shape, retryAfterSeconds: 0 };
    try {
      await this.counter(name, limit).consume(storeKey(key));
      return { allowed: true, ...shape, retryAfterSeconds: 0 };
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      return {
        allowed: false,
        ...shape,
        retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)),
      };
    }
  }

  /** How long a login of this address and e-mail should wait before it is checked. */
  async loginDelayMs(address: string | undefined, email: string): Promise<number> {
    const failures = await this.loginFailures.get(loginKey(address, email));
    return loginDelayMs(failures?.consumedPoints ?? 0);
  }

  /** Call after a login with a wrong e-mail or password: remembered for 15 minutes from now. */
  async recordLoginFailure(address: string | undefined, email: string): Promise<void> {
    const key = loginKey(address, email);
    const counted = await this.loginFailures.penalty(key, 1);
    // the window of the count restarts with every failure: 15 minutes *without* failures forget
    await this.loginFailures.set(key, counted.consumedPoints, LOGIN_FAILURE_MEMORY_MS / 1000);
  }

  /** Call after a successful login: the address and e-mail start afresh. */
  async recordLoginSuccess(address: string | undefined, email: string): Promise<void> {
    await this.loginFailures.delete(loginKey(address, email));
  }

  private counter(name: string, points: number): RateLimiterAbstract {
    let counter = this.counters.get(name);
    if (!counter || counter.points !== points) {
      const duration = HOURLY_LIMITS.has(name) ? 60 * MINUTE_SECONDS : MINUTE_SECONDS;
      counter = this.makeCounter({ keyPrefix: name, points, duration });
      this.counters.set(name, counter);
    }
    return counter;
  }
}

function loginKey(address: string | undefined, email: string): string {
  return storeKey(addressKey(address), email.trim().toLowerCase());
}
