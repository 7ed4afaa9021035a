/** Failed logins per address and e-mail that cost nothing: typos happen. */
export const FREE_LOGIN_FAILURES = 3;
/** Delay after the first failure beyond the free ones; doubles with every further failure. */
export const LOGIN_DELAY_BASE_MS = 500;
export const LOGIN_DELAY_MAX_MS = 8_000;
/** Failures older than this are forgotten. */
export const LOGIN_FAILURE_MEMORY_MS = 15 * 60_000;

/**
 * How long a login attempt waits before it is checked, after `failures` recent
 * failed attempts with the same address and e-mail: 0, 0, 0, 0.5 s, 1 s, 2 s, 4 s,
 * then 8 s. Guessing a password becomes slow; a colleague's typo does not.
 */
export function loginDelayMs(failures: number): number {
  if (failures < FREE_LOGIN_FAILURES) return 0;
  const doublings = Math.min(failures - FREE_LOGIN_FAILURES, 10);
  return Math.min(LOGIN_DELAY_BASE_MS * 2 ** doublings, LOGIN_DELAY_MAX_MS);
}
