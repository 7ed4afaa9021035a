import { Migration } from '@mikro-orm/migrations';

/**
 * Admins deactivate organizer accounts (issue 13): a deactivated organizer can
 * no longer log in, and tokens issued before stop working at their next request
 * (every request loads the organizer and checks the flag). Null: active.
 */
export class Migration0009OrganizerDeactivation extends Migration {
  override up(): void {
    this.addSql(`alter table organizers add column deactivated_at timestamptz`);
  }
}
