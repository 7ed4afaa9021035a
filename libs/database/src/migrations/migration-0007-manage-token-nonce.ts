import { Migration } from '@mikro-orm/migrations';

/**
 * Manage tokens become derivable (issue 11 item 6): after a rotation a registration keeps the random
 * nonce its token is derived from under the server secret, so the mail worker can
 * put the link into a mail without any job carrying the token. Registrations made
 * before keep no nonce: their mails point to "Link verloren?" until a new link is
 * requested. Mail jobs written before this migration may still hold a clear token:
 * it is removed from them here.
 */
export class Migration0007ManageTokenNonce extends Migration {
  override up(): void {
    this.addSql(`alter table registrations add column manage_token_nonce text`);
    this.addSql(`
      do $$ begin
        if to_regclass('pgboss.job') is not null then
          update pgboss.job set data = data - 'manageToken'
           where name = 'mail' and data ? 'manageToken';
        end if;
      end $$`);
  }
}
