import { isUuid } from '@fachtag/common';
// no slashes: `node_modules/@apollo/server/…/x.js` in a stack is not an address
const EMAIL = /[^\s@"'<>()[\]{},;:/\\]+@[^\s@"'<>()[\]{},;:/\\]+\.[A-Za-z]{2,}/g;
const BEARER = /\b(Bearer)\s+\S+/gi;
// Manage tokens and JWTs are long runs of base64url characters mixing letters and digits.
const TOKEN_LIKE = /[A-Za-z0-9_\-.]{24,}/g;

function tokenLike(run: string): boolean {
  if (isUuid(run)) return false;
  return /[0-9]/.test(run) && /[A-Za-z]/.test(run) && !/^[A-Za-z_.-]+$/.test(run);
}

/**
 * Removes e-mail addresses, bearer tokens and token-like strings from text
 * before it is logged. Database errors quote the values they failed on (an
 * e-mail address in a unique violation), and SQL with inlined parameters may
 * reach an error message, so every logged error text passes through here.
 */
export function redactSecrets(text: string): string {
  return text
    .replace(BEARER, '$1 [redacted]')
    .replace(EMAIL, '[email]')
    .replace(TOKEN_LIKE, (run) => (tokenLike(run) ? '[token]' : run));
}
