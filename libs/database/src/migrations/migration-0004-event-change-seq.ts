import { Migration } from '@mikro-orm/migrations';

/**
 * `events.change_seq`: rises with every change that can alter what the public
 * sees of an event (the event row, its agenda items and workshops, its waiting
 * list), except the workshops' seat counters, which change on the registration
 * hot path and which the cache reads itself. Kept by triggers, so no code path
 * can forget it; the public read cache compares it to decide that a cached
 * answer is still current.
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
    // agenda items: every change, one event update per statement
    for (const kind of ['insert', 'update', 'delete'] as const) {
      const rows = kind === 'delete' ? 'old' : 'new';
      this.addSql(`
        create function agenda_items_${kind}_bump_event() returns trigger language plpgsql as $$
        begin
          update events set change_seq = change_seq + 1
           where id in (select distinct event_id from ${rows}_rows);
          return null;
        end $$`);
      this.addSql(`
        create trigger agenda_items_${kind}_bump_event after ${kind} on agenda_items
          referencing ${rows} table as ${rows}_rows
          for each statement execute function agenda_items_${kind}_bump_event()`);
    }
    // workshops: everything but the seat counters, which registrations change on
    // their hot path; the cache reads those directly (see PublicReadCache)
    this.addSql(`
      create function workshops_bump_event() returns trigger language plpgsql as $$
      begin
        update events set change_seq = change_seq + 1
         where id = (case when tg_op = 'DELETE' then old.event_id else new.event_id end);
        return null;
      end $$`);
    this.addSql(`
      create trigger workshops_insert_delete_bump_event after insert or delete on workshops
        for each row execute function workshops_bump_event()`);
    this.addSql(`
      create trigger workshops_update_bump_event after update on workshops
        for each row when (
          (old.event_id, old.phase_id, old.number, old.title, old.subtitle, old.description,
           old.room, old.hosts, old.capacity, old.revision)
          is distinct from
          (new.event_id, new.phase_id, new.number, new.title, new.subtitle, new.description,
           new.room, new.hosts, new.capacity, new.revision))
        execute function workshops_bump_event()`);
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
