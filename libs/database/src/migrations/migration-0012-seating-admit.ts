import { Migration } from '@mikro-orm/migrations';

/**
 * `seating_admit`: an organizer confirms one waiting registration into chosen
 * workshops, out of the waiting list's order (issue 13; libs/seating calls it,
 * see docs/decisions.md, "Manual promotion").
 *
 * One call under the event lock, in the order every seat change uses: the event
 * row, then the registration, then workshop rows in ascending id order. The
 * caller validated the selection on an unlocked snapshot; the function compares
 * what it saw (the registration's wishes, the event's workshops) and answers
 * RETRY when either changed. Seats are taken by conditional updates backed by
 * the check constraints, as everywhere: never beyond a capacity. Only when the
 * organizer asks for it (`p_add_seats`) is a full event's or chosen workshop's
 * capacity raised, to exactly the seat this registration takes. Afterwards the
 * waiting list is promoted in its order as after any change (`seating_promote`),
 * so nobody who fits keeps waiting.
 */
export class Migration0012SeatingAdmit extends Migration {
  override up(): void {
    this.addSql(`
      create function seating_admit(
        p_registration_id uuid, p_event_id uuid,
        -- the premise: the registration's wishes and the event's workshops as read (sorted)
        p_seen_workshop_ids uuid[], p_seen_event_workshop_ids uuid[],
        -- the seats to take, one workshop per phase
        p_phase_ids uuid[], p_workshop_ids uuid[],
        p_add_seats boolean, p_max_capacity integer,
        p_job_sql text, p_job_param text, p_promote_job_sql text, p_promote_job_param text)
      returns table (outcome text, workshop_id uuid, promoted uuid[]) language plpgsql as $fn$
      declare
        e record;
        v_status text;
        v_seen uuid[];
        v_all uuid[];
        v_id uuid;
        v_promoted uuid[];
      begin
        select status into e from events where id = p_event_id for no key update;
        if not found then
          return query select 'NOT_FOUND'::text, null::uuid, null::uuid[];
          return;
        end if;
        if e.status <> 'PUBLISHED' then
          return query select 'EVENT_NOT_PUBLISHED'::text, null::uuid, null::uuid[];
          return;
        end if;
        select status into v_status from registrations
         where id = p_registration_id and event_id = p_event_id for update;
        if not found then
          return query select 'NOT_FOUND'::text, null::uuid, null::uuid[];
          return;
        end if;
        if v_status <> 'WAITLISTED' then
          -- CONFIRMED or CANCELLED: nothing to promote
          return query select v_status, null::uuid, null::uuid[];
          return;
        end if;
        select coalesce(array_agg(rw.workshop_id order by rw.workshop_id), '{}') into v_seen
          from registration_workshops rw where rw.registration_id = p_registration_id;
        select coalesce(array_agg(w.id order by w.id), '{}') into v_all
          from workshops w where w.event_id = p_event_id;
        if v_seen <> coalesce(p_seen_workshop_ids, '{}')
           or v_all <> coalesce(p_seen_event_workshop_ids, '{}') then
          return query select 'RETRY'::text, null::uuid, null::uuid[];
          return;
        end if;
        begin
          if p_add_seats then
            update events set capacity = seats_taken + 1
             where id = p_event_id and capacity is not null and seats_taken >= capacity
               and seats_taken + 1 <= p_max_capacity;
          end if;
          update events set seats_taken = seats_taken + 1
           where id = p_event_id and (capacity is null or seats_taken < capacity);
          if not found then
            raise exception using errcode = 'FT006', message = 'EVENT_FULL';
          end if;
          for v_id in select x from unnest(coalesce(p_workshop_ids, '{}')) as x order by x loop
            if p_add_seats then
              update workshops set capacity = seats_taken + 1
               where id = v_id and seats_taken >= capacity and seats_taken + 1 <= p_max_capacity;
            end if;
            update workshops set seats_taken = seats_taken + 1
             where id = v_id and event_id = p_event_id and seats_taken < capacity;
            if not found then
              raise exception using errcode = 'FT004', message = v_id::text;
            end if;
          end loop;
          delete from registration_workshops where registration_id = p_registration_id;
          insert into registration_workshops (registration_id, phase_id, workshop_id)
            select p_registration_id, unnest(p_phase_ids), unnest(p_workshop_ids);
          update registrations set status = 'CONFIRMED', waitlist_position = null,
              cancelled_at = null, cancelled_by_organizer = false, revision = revision + 1,
              updated_at = date_trunc('milliseconds', clock_timestamp())
           where id = p_registration_id;
          execute p_job_sql using p_job_param;
        exception
          when sqlstate 'FT006' then
            return query select 'EVENT_FULL'::text, null::uuid, null::uuid[];
            return;
          when sqlstate 'FT004' then
            return query select 'WORKSHOP_FULL'::text, sqlerrm::uuid, null::uuid[];
            return;
        end;
        select coalesce(array_agg(id), '{}') into v_promoted
          from seating_promote(p_event_id, p_promote_job_sql, p_promote_job_param) as id;
        return query select 'DONE'::text, null::uuid, v_promoted;
      end
      $fn$`);
  }
}
