import type { RateLimitConfig } from '@fachtag/config';
import type { RateLimits } from './rate-limiter.js';

/** Names of the limits (buckets); several fields may share one. */
export const LIMIT = { register: 'register', login: 'login', token: 'token' } as const;

/**
 * Root fields (Query or Mutation) that count against a limit, per client address.
 * A field that does not exist yet costs nothing; once a resolver adds it, it is
 * limited. Every occurrence counts, so aliases (`a: login(…) b: login(…)`) do not
 * multiply the attempts of one request.
 */
export const RATE_LIMITED_FIELDS: Readonly<Record<string, string>> = {
  register: LIMIT.register,
  login: LIMIT.login,
  myRegistration: LIMIT.token,
  updateRegistration: LIMIT.token,
  cancelRegistration: LIMIT.token,
};

/** The root field whose attempts are slowed down after failures, and its e-mail argument. */
export const LOGIN_FIELD = { name: 'login', emailArgument: 'email' } as const;

/** The limits per minute from the configuration. */
export function rateLimitsFrom(config: RateLimitConfig): RateLimits {
  return {
    [LIMIT.register]: config.registerPerMinute,
    [LIMIT.login]: config.loginPerMinute,
    [LIMIT.token]: config.tokenPerMinute,
  };
}
