import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** File in the data directory that keeps the generated demo password. */
export const DEMO_PASSWORD_FILE = 'organizer-password';

/**
 * The organizer password when ORGANIZER_PASSWORD is unset: generated once and
 * kept in `<dataDir>/organizer-password`, so it stays the same across restarts
 * and a newcomer's printed credentials keep working.
 */
export function demoPassword(dataDir: string): string {
  const path = join(dataDir, DEMO_PASSWORD_FILE);
  if (existsSync(path)) {
    const kept = readFileSync(path, 'utf8').trim();
    if (kept.length >= 10) return kept;
  }
  mkdirSync(dataDir, { recursive: true });
  const password = randomBytes(12).toString('base64url');
  writeFileSync(path, password + '\n', { mode: 0o600 });
  return password;
}
