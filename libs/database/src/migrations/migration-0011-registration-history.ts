import { Migration } from '@mikro-orm/migrations';

/**
 * `registration_history`: what happened to a registration, who did it and when,
 * for the organizers' desk (issue 13). Append-only: rows are inserted in the
 * transaction of the change they describe and never updated (a trigger refuses
 * it); they go only with their registration (event deleted).
 *
 * - `kind`: REGISTERED, WAITLISTED (registered onto the waiting list),
 *   WORKSHOPS_CHANGED (by the participant), MOVED (by an organizer), PROMOTED,
 *   CANCELLED, MAIL_RESENT, MAIL_SENT, MAIL_FAILED.
 * - `actor`: PARTICIPANT, ORGANIZER (then `organizer_id` and the name as it was), SYSTEM.
 * - `details`: JSON, e.g. workshops `from`/`to` as they were named then, a mail's kind
 *   or failure.
 *
 * A registration's first entry is written by a deferred trigger: `register` is one
 * database call (`seating_register`, migration 0006) on the hot path, and the
 * trigger keeps it one; it runs at commit, when the choices exist, and takes the
 * actor from the transaction-local setting `fachtag.history_actor` (JSON, set by
 * an organizer registering someone), else the participant.
 */
export class Migration0011RegistrationHistory extends Migration {
  override up(): void {
    this.addSql(`
      create table registration_history (
        id bigserial primary key,
        registration_id uuid not null references registrations (id) on delete cascade,
        at timestamptz not null default clock_timestamp(),
        kind text not null check (kind in ('REGISTERED', 'WAITLISTED', 'WORKSHOPS_CHANGED',
          'MOVED', 'PROMOTED', 'CANCELLED', 'MAIL_RESENT', 'MAIL_SENT', 'MAIL_FAILED')),
        actor text not null check (actor in ('PARTICIPANT', 'ORGANIZER', 'SYSTEM')),
        organizer_id uuid,
        organizer_name text,
        reason text,
        details jsonb not null default '{}'::jsonb
      )`);
    this.addSql(
      `create index registration_history_registration on registration_history (registration_id, id)`,
    );
    this.addSql(`
      create function registration_history_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'registration_history is append-only';
      end $$`);
    this.addSql(`
      create trigger registration_history_no_update before update on registration_history
        for each row execute function registration_history_append_only()`);
    this.addSql(`
      create function registration_history_registered() returns trigger language plpgsql as $$
      declare
        actor jsonb := nullif(current_setting('fachtag.history_actor', true), '')::jsonb;
      begin
        insert into registration_history (registration_id, at, kind, actor, organizer_id,
                                          organizer_name, details)
        select new.id, new.created_at,
               case when new.status = 'WAITLISTED' then 'WAITLISTED' else 'REGISTERED' end,
               coalesce(actor->>'actor', 'PARTICIPANT'),
               (actor->>'organizerId')::uuid,
               (select o.name from organizers o where o.id = (actor->>'organizerId')::uuid),
               jsonb_build_object('to', coalesce((
                 select jsonb_agg(jsonb_build_object('id', w.id, 'number', w.number,
                                                     'title', w.title) order by a.starts_at, w.number)
                   from registration_workshops rw
                   join workshops w on w.id = rw.workshop_id
                   join agenda_items a on a.id = rw.phase_id
                  where rw.registration_id = new.id), '[]'::jsonb));
        return null;
      end $$`);
    this.addSql(`
      create constraint trigger registration_history_registered after insert on registrations
        deferrable initially deferred
        for each row execute function registration_history_registered()`);
    // registrations made before the history existed get their first entry
    this.addSql(`
      insert into registration_history (registration_id, at, kind, actor, details)
      select r.id, r.created_at, 'REGISTERED', 'PARTICIPANT', '{}'::jsonb from registrations r`);
  }
}
