import type { EntityManager } from '@mikro-orm/core';
import { sql } from '@fachtag/database';
import type { MailChange, NamedWorkshop } from '@fachtag/mail';

/**
 * Notes changes for the next mail of each registration (table `mail_changes`),
 * in the change's transaction. The caller holds the registrations' row locks
 * until it commits: the mail composer takes the same lock, so what it claims
 * and the state it renders belong together.
 */
export async function recordMailChanges(
  em: EntityManager,
  registrationIds: readonly string[],
  changes: readonly MailChange[],
): Promise<void> {
  if (registrationIds.length === 0 || changes.length === 0) return;
  await sql(
    em,
    `insert into mail_changes (registration_id, change)
     select r.id, c.change
       from unnest($1::uuid[]) with ordinality as r (id, n)
      cross join unnest($2::jsonb[]) with ordinality as c (change, m)
      order by r.n, c.m`,
    [registrationIds, changes.map((c) => JSON.stringify(c))],
  );
}

/**
 * Claims a registration's untold changes for one mail job, oldest first. A retry
 * of the same job gets the same rows again (plus any new ones); another job
 * finds them taken. Call under the registration's row lock.
 */
export async function claimMailChanges(
  em: EntityManager,
  registrationId: string,
  jobId: string,
): Promise<MailChange[]> {
  const rows = await sql<{ id: string; change: MailChange }>(
    em,
    `update mail_changes set claimed_by = $2
      where registration_id = $1 and (claimed_by is null or claimed_by = $2)
      returning id, change`,
    [registrationId, jobId],
  );
  return rows.sort((a, b) => Number(a.id) - Number(b.id)).map((r) => r.change);
}

/** Drops the changes a job told (sent) or will never tell (given up, nothing to send). */
export async function forgetMailChanges(em: EntityManager, jobId: string): Promise<void> {
  await sql(em, 'delete from mail_changes where claimed_by = $1', [jobId]);
}

/** Workshops by id with number and title, as a change names them. */
export async function namedWorkshops(
  em: EntityManager,
  ids: readonly string[],
): Promise<NamedWorkshop[]> {
  if (ids.length === 0) return [];
  return sql<NamedWorkshop>(
    em,
    'select id, number, title from workshops where id = any($1::uuid[]) order by number',
    [ids],
  );
}
