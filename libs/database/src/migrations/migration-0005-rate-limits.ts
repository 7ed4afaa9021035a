import { Migration } from '@mikro-orm/migrations';

/**
 * The counters of the rate limits (rate-limiter-flexible's PostgreSQL store,
 * its own table layout): one row per limit and client, `points` used in the
 * window that ends at `expire` (ms since epoch). Every API process counts in
 * the same rows, so a limit holds per client across processes. Unlogged: the
 * counters are worth no WAL, and a crash that empties them forgives a minute.
 */
export class Migration0005RateLimits extends Migration {
  override up(): void {
    this.addSql(`
      create unlogged table rate_limits (
        key varchar(255) primary key,
        points integer not null default 0,
        expire bigint
      )`);
  }
}
