import type { RateLimitConfig } from '@fachtag/config';

/** A named limit: requests per minute (per hour for {@link HOURLY_LIMITS}) and key; 0 = unlimited. */
export type RateLimits = Record<string, number>;

/** Names of the limits (buckets); several fields may share one. */
export const LIMIT = {
  register: 'register',
  login: 'login',
  token: 'token',
  /** `requestManageLink` per client address. */
  manageLink: 'manageLink',
  /** `requestManageLink` per e-mail address asked for (`ARGUMENT_LIMITED_FIELDS`). */
  manageLinkAddress: 'manageLinkAddress',
} as const;

/** Limits counted per hour instead of per minute: each of their requests sends a mail. */
export const HOURLY_LIMITS: ReadonlySet<string> = new Set([
  LIMIT.manageLink,
  LIMIT.manageLinkAddress,
]);

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
  requestManageLink: LIMIT.manageLink,
};

/**
 * Root fields that also count against a limit keyed by one of their arguments
 * (besides the client address): `path` leads to the argument's value, `key`
 * normalises it. Checked before anything executes, like the per-address limits.
 */
export const ARGUMENT_LIMITED_FIELDS: Readonly<
  Record<
    string,
    { limit: string; path: readonly string[]; key(value: string): string; per: string }
  >
> = {
  requestManageLink: {
    limit: LIMIT.manageLinkAddress,
    path: ['input', 'email'],
    key: (email) => email.trim().toLowerCase(),
    per: 'for one e-mail address',
  },
};

/** The root field whose attempts are slowed down after failures, and its e-mail argument. */
export const LOGIN_FIELD = { name: 'login', emailArgument: 'email' } as const;

/** The limits per minute from the configuration. */
export function rateLimitsFrom(config: RateLimitConfig): RateLimits {
  return {
    [LIMIT.register]: config.registerPerMinute,
    [LIMIT.login]: config.loginPerMinute,
    [LIMIT.token]: config.tokenPerMinute,
    [LIMIT.manageLink]: config.manageLinkPerHour,
    [LIMIT.manageLinkAddress]: config.manageLinkPerHour,
  };
}
