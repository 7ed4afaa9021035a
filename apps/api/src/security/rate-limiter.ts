import { addressKey } from './client-address.js';
import { RATE_LIMITED_FIELDS } from './rate-limit-rules.js';
import { LOGIN_FAILURE_MEMORY_MS, loginDelayMs } from './login-backoff.js';
import { isFull, takeToken, type Bucket } from './token-bucket.js';

/** A named limit: requests per minute and client address; 0 = unlimited. */
export type RateLimits = Record<string, number>;

/** Outcome of {@link RateLimiter.take}. */
export interface RateDecision {
  allowed: boolean;
  /** The configured limit per minute. */
  perMinute: number;
  /** Whole seconds until the next request is accepted; 0 when allowed. */
  retryAfterSeconds: number;
}

interface FailureRecord {
  count: number;
  lastAt: number;
}

/** Beyond this many remembered keys, the ones that carry no state any more are dropped. */
const MAX_KEYS = 100_000;

/**
 * In-memory rate limits and login back-off, per API process: with several
 * processes behind a load balancer every process counts on its own, so the
 * effective limit is the configured one times the number of processes.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly loginFailures = new Map<string, FailureRecord>();

  private fields: Record<string, string>;

  constructor(
    private limits: RateLimits,
    fields: Readonly<Record<string, string>> = RATE_LIMITED_FIELDS,
    private readonly now: () => number = Date.now,
  ) {
    this.fields = { ...fields };
  }

  /**
   * Adds or replaces limits and the root fields counted against them (tests use
   * it to limit `viewer`); counts already taken are kept.
   */
  configure(change: { limits?: RateLimits; fields?: Record<string, string> }): void {
    this.limits = { ...this.limits, ...change.limits };
    this.fields = { ...this.fields, ...change.fields };
  }

  /** The limit a root field counts against, if any. */
  limitOfField(field: string): string | undefined {
    return Object.hasOwn(this.fields, field) ? this.fields[field] : undefined;
  }

  /** Counts one request of `address` against the limit `name`. */
  take(name: string, address: string | undefined): RateDecision {
    const perMinute = this.limits[name] ?? 0;
    if (perMinute <= 0) return { allowed: true, perMinute, retryAfterSeconds: 0 };
    const key = `${name}|${addressKey(address)}`;
    const now = this.now();
    const result = takeToken(this.buckets.get(key), perMinute, now);
    this.buckets.set(key, result.bucket);
    if (this.buckets.size > MAX_KEYS) this.sweep(now);
    return {
      allowed: result.allowed,
      perMinute,
      retryAfterSeconds: Math.ceil(result.retryAfterMs / 1000),
    };
  }

  /** How long a login of this address and e-mail should wait before it is checked. */
  loginDelayMs(address: string | undefined, email: string): number {
    const record = this.loginFailures.get(loginKey(address, email));
    if (!record || this.now() - record.lastAt > LOGIN_FAILURE_MEMORY_MS) return 0;
    return loginDelayMs(record.count);
  }

  /** Call after a login with a wrong e-mail or password. */
  recordLoginFailure(address: string | undefined, email: string): void {
    const key = loginKey(address, email);
    const now = this.now();
    const record = this.loginFailures.get(key);
    const fresh = record && now - record.lastAt <= LOGIN_FAILURE_MEMORY_MS;
    this.loginFailures.set(key, { count: fresh ? record.count + 1 : 1, lastAt: now });
    if (this.loginFailures.size > MAX_KEYS) this.sweep(now);
  }

  /** Call after a successful login: the address and e-mail start afresh. */
  recordLoginSuccess(address: string | undefined, email: string): void {
    this.loginFailures.delete(loginKey(address, email));
  }

  /** Forgets buckets that have refilled and failures that have expired. */
  private sweep(now: number): void {
    for (const [key, bucket] of this.buckets) {
      const perMinute = this.limits[key.slice(0, key.indexOf('|'))] ?? 0;
      if (perMinute <= 0 || isFull(bucket, perMinute, now)) this.buckets.delete(key);
    }
    for (const [key, record] of this.loginFailures) {
      if (now - record.lastAt > LOGIN_FAILURE_MEMORY_MS) this.loginFailures.delete(key);
    }
  }
}

function loginKey(address: string | undefined, email: string): string {
  return `${addressKey(address)}|${email.trim().toLowerCase()}`;
}
