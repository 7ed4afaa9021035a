import { Migration } from '@mikro-orm/migrations';

/**
 * `mail_changes`: what changed for a participant since their last mail, one row
 * per change (JSON: old and new time, room, venue, workshops), written in the
 * change's own transaction. The mail worker claims a registration's unclaimed
 * rows when it composes (`claimed_by` = its job id, kept across retries) and
 * tells them in one mail; a job that finds nothing left sends nothing. Rows go
 * when their mail was sent or given up (issue 11 item 4).
 */
export class Migration0008MailChanges extends Migration {
  override up(): void {
    this.addSql(`
      create table mail_changes (
        id bigserial primary key,
        registration_id uuid not null references registrations (id) on delete cascade,
        change jsonb not null,
        created_at timestamptz not null default clock_timestamp(),
        claimed_by uuid
      )`);
    this.addSql(`create index mail_changes_registration on mail_changes (registration_id, id)`);
  }
}
