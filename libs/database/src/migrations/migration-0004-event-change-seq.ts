import { Migration } from '@mikro-orm/migrations';

/**
 * `events.change_seq`: rises with every change that can alter what the public
 * sees of an event (the event row, its agenda items and workshops, its waiting
 * list). Kept by triggers, so no code path can forget it; the public read
 * cache compares it to decide that a cached answer is still current.
 */
export class Migration0004EventChangeSeq extends Migration {
  override up(): void {
    this.addSql(`alter table events add column change_seq bigint not null default 0`);
    this.addSql(`
      create function events_bump_change_seq() returns trigger language plpgsql as $$
      begin
        new.change_seq := old.change_seq + 1;
        return new;
      end $$`);
    this.addSql(`
      create trigger events_change_seq before update on events
        for each row execute function events_bump_change_seq()`);
    // children: one event update per statement, from the rows the statement touched
    for (const [table, kinds] of [
      ['agenda_items', ['insert', 'update', 'delete']],
      ['workshops', ['insert', 'update', 'delete']],
    ] as const) {
      for (const kind of kinds) {
        const rows = kind === 'delete' ? 'old' : 'new';
        this.addSql(`
          create function ${table}_${kind}_bump_event() returns trigger language plpgsql as $$
          begin
            update events set change_seq = change_seq + 1
             where id in (select distinct event_id from ${rows}_rows);
            return null;
          end $$`);
        this.addSql(`
          create trigger ${table}_${kind}_bump_event after ${kind} on ${table}
            referencing ${rows} table as ${rows}_rows
            for each statement execute function ${table}_${kind}_bump_event()`);
      }
    }
    // registrations: only the waiting list is public (waitlistCount); confirmed
    // ones change seats_taken on the event row, which bumps it anyway
    this.addSql(`
      create function registrations_bump_event() returns trigger language plpgsql as $$
      begin
        update events set change_seq = change_seq + 1
         where id = (case when tg_op = 'DELETE' then old.event_id else new.event_id end);
        return null;
      end $$`);
    this.addSql(`
      create trigger registrations_waitlist_insert after insert on registrations
        for each row when (new.status = 'WAITLISTED') execute function registrations_bump_event()`);
    this.addSql(`
      create trigger registrations_waitlist_update after update of status on registrations
        for each row when (old.status is distinct from new.status
          and (old.status = 'WAITLISTED' or new.status = 'WAITLISTED'))
        execute function registrations_bump_event()`);
    this.addSql(`
      create trigger registrations_waitlist_delete after delete on registrations
        for each row when (old.status = 'WAITLISTED') execute function registrations_bump_event()`);
  }
}
