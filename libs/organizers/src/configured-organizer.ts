import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { AppConfig } from '@fachtag/config';
import { sql } from '@fachtag/database';
import { demoPassword } from './domain/demo-password.js';
import { normalizeEmail } from './domain/organizer-input.js';
import { hashPassword } from './password.js';

/**
 * Creates the organizer of ORGANIZER_EMAIL as an admin, or resets its password
 * to ORGANIZER_PASSWORD (or the demo password kept in the data directory) and
 * reactivates it: the configured account is the operator's way back in.
 * Returns the password when it is the generated demo one, so callers can show it.
 */
export async function ensureConfiguredOrganizer(
  em: EntityManager,
  config: Pick<AppConfig, 'organizerEmail' | 'organizerPassword' | 'dataDir'>,
): Promise<{ email: string; generatedPassword: string | null }> {
  const password = config.organizerPassword ?? demoPassword(config.dataDir);
  const email = normalizeEmail(config.organizerEmail);
  // an upsert, so two API processes starting at once cannot collide on the unique e-mail
  await sql(
    em,
    `insert into organizers (id, email, name, password_hash, is_admin)
     values ($1, $2, $3, $4, true)
     on conflict (email) do update set password_hash = excluded.password_hash, is_admin = true,
                                       deactivated_at = null`,
    [randomUUID(), email, 'Organizer', await hashPassword(password)],
  );
  return { email, generatedPassword: config.organizerPassword === null ? password : null };
}
