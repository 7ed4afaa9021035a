import { Migration } from '@mikro-orm/migrations';

/**
 * Change, cancel and promotion as one database call each (issue 12; libs/seating
 * calls them, see docs/decisions.md, "Change, cancel and promotion in one call").
 *
 * - `seating_promotion_choice`: the promotion's choice of workshops, a pure
 *   function over arrays. It is the SQL twin of `choosePromotionWorkshops`
 *   (libs/seating/src/domain/promotion.ts); test/seating-sql.e2e-spec.ts runs both
 *   on the same cases.
 * - `seating_promote`: promotes from the waiting list while seats allow, under
 *   the event's lock, with one mail job per promotion (a pg-boss insert made by
 *   `MailQueue.jobTemplate`, whose payload values it fills in).
 * - `seating_cancel`: a cancellation and the promotions it allows.
 * - `seating_change`: new participant data and/or workshops, with seat moves,
 *   the change rows for the coalesced mail and its job.
 *
 * These touch existing registration rows, which promotion, the organizers'
 * changes and the mail composer lock after the event row: so the event row is
 * locked first here too (one lock order, no deadlocks), and everything the
 * Node side could decide without the lock (window, selection, seat moves, the
 * mail's texts) is decided before the call on a snapshot, whose premise the
 * function checks (RETRY when it no longer holds). The lock is then held for
 * the function's own statements, never across a round trip to Node.
 */
export class Migration0010SeatingChanges extends Migration {
  override up(): void {
    this.addSql(`
      create function seating_promotion_choice(
        p_phase_ids uuid[], p_w_ids uuid[], p_w_phase uuid[], p_w_number integer[],
        p_w_capacity integer[], p_w_taken integer[], p_wish_phase uuid[], p_wish_workshop uuid[])
      returns uuid[] language plpgsql immutable as $fn$
      declare
        v_phase uuid;
        v_wish uuid;
        v_pick uuid;
        v_left integer;
        v_result uuid[] := '{}';
      begin
        foreach v_phase in array coalesce(p_phase_ids, '{}') loop
          v_wish := null;
          select x.workshop into v_wish
            from unnest(p_wish_phase, p_wish_workshop) as x (phase, workshop)
           where x.phase = v_phase limit 1;
          -- the wished workshop if it has a seat, else the most seats left, then the number
          select w.id, greatest(w.capacity - w.taken, 0) into v_pick, v_left
            from unnest(p_w_ids, p_w_phase, p_w_number, p_w_capacity, p_w_taken)
                 with ordinality as w (id, phase, number, capacity, taken, n)
           where w.phase = v_phase
           order by (w.id is not distinct from v_wish and w.taken < w.capacity) desc,
                    greatest(w.capacity - w.taken, 0) desc, w.number, w.n
           limit 1;
          continue when not found;
          if v_left = 0 then
            return null;
          end if;
          v_result := v_result || v_pick;
        end loop;
        return v_result;
      end
      $fn$`);
    this.addSql(`
      create function seating_fill_job(p_job_sql text, p_job_param text, p_values jsonb)
      returns void language plpgsql as $fn$
      declare
        v_param jsonb := p_job_param::jsonb;
        v_key text;
      begin
        -- only values of keys the template (mailJobPayload) already has: no new fields
        for v_key in select jsonb_object_keys(p_values) loop
          if not (v_param -> 0 -> 'data') ? v_key then
            raise exception 'mail job template has no field %', v_key;
          end if;
          v_param := jsonb_set(v_param, array['0', 'data', v_key], p_values -> v_key);
        end loop;
        execute p_job_sql using v_param::text;
      end
      $fn$`);
    this.addSql(`
      create function seating_promote(p_event_id uuid, p_job_sql text, p_job_param text)
      returns setof uuid language plpgsql as $fn$
      declare
        e record;
        w record;
        v_reg uuid;
        v_wish_phase uuid[];
        v_wish_workshop uuid[];
        v_choice uuid[];
        v_taken integer;
      begin
        select status into e from events where id = p_event_id for no key update;
        if not found or e.status = 'CANCELLED' then
          return;
        end if;
        loop
          select id into v_reg from registrations
           where event_id = p_event_id and status = 'WAITLISTED'
           order by waitlist_position limit 1 for update;
          exit when not found;
          select array_agg(phase_id), array_agg(workshop_id) into v_wish_phase, v_wish_workshop
            from registration_workshops where registration_id = v_reg;
          -- the event's workshops in agenda order; phases in the order of their workshops
          with x as (
            select ww.id, ww.phase_id, ww.number, ww.capacity, ww.seats_taken,
                   row_number() over (order by a.starts_at, a.id, ww.number) as n
              from workshops ww join agenda_items a on a.id = ww.phase_id
             where ww.event_id = p_event_id)
          select array_agg(x.id order by x.n) as ids, array_agg(x.phase_id order by x.n) as phases,
                 array_agg(x.number order by x.n) as numbers,
                 array_agg(x.capacity order by x.n) as capacities,
                 array_agg(x.seats_taken order by x.n) as taken,
                 (select array_agg(p.phase_id order by p.first)
                    from (select phase_id, min(n) as first from x group by phase_id) p) as phase_order
            into w from x;
          v_choice := seating_promotion_choice(w.phase_order, w.ids, w.phases, w.numbers,
                                               w.capacities, w.taken, v_wish_phase, v_wish_workshop);
          exit when v_choice is null;
          update events set seats_taken = seats_taken + 1
           where id = p_event_id and (capacity is null or seats_taken < capacity);
          exit when not found;
          update workshops set seats_taken = seats_taken + 1
           where id = any(v_choice) and seats_taken < capacity;
          get diagnostics v_taken = row_count;
          -- seats were read under the event lock, so this cannot happen short of a bug
          if v_taken <> cardinality(v_choice) then
            raise exception 'promotion found a workshop full after choosing it';
          end if;
          delete from registration_workshops where registration_id = v_reg;
          insert into registration_workshops (registration_id, phase_id, workshop_id)
            select v_reg, ww.phase_id, ww.id from workshops ww where ww.id = any(v_choice);
          update registrations set status = 'CONFIRMED', waitlist_position = null,
              cancelled_at = null, cancelled_by_organizer = false, revision = revision + 1,
              updated_at = date_trunc('milliseconds', clock_timestamp())
           where id = v_reg;
          -- the wishes are replaced now: the job keeps them, so the mail can name what differs
          perform seating_fill_job(p_job_sql, p_job_param, jsonb_build_object(
            'registrationId', v_reg,
            'wishedWorkshopIds', to_jsonb(coalesce(v_wish_workshop, '{}'::uuid[]))));
          return next v_reg;
        end loop;
      end
      $fn$`);
    this.addSql(`
      create function seating_cancel(
        p_registration_id uuid, p_event_id uuid, p_by_organizer boolean,
        -- the participant's window as decided (null for an organizer: no window)
        p_seen_status text, p_seen_opens_ms bigint, p_seen_closes_ms bigint,
        p_seen_updated_ms bigint, p_valid_until_ms bigint,
        p_cancel_job_sql text, p_cancel_job_param text,
        p_promote_job_sql text, p_promote_job_param text)
      returns table (outcome text, promoted uuid[]) language plpgsql as $fn$
      declare
        e record;
        v_status text;
        v_dropped uuid[];
        v_promoted uuid[];
      begin
        select status,
               (extract(epoch from registration_opens_at) * 1000)::bigint as opens_ms,
               (extract(epoch from registration_closes_at) * 1000)::bigint as closes_ms,
               (extract(epoch from updated_at) * 1000)::bigint as updated_ms
          into e from events where id = p_event_id for no key update;
        if not found then
          return query select 'NOT_FOUND'::text, null::uuid[];
          return;
        end if;
        if p_seen_status is not null and (
             e.status is distinct from p_seen_status
             or e.opens_ms is distinct from p_seen_opens_ms
             or e.closes_ms is distinct from p_seen_closes_ms
             or (e.status = 'CANCELLED' and e.updated_ms is distinct from p_seen_updated_ms)
             or (p_valid_until_ms is not null
                 and (extract(epoch from clock_timestamp()) * 1000)::bigint >= p_valid_until_ms)) then
          return query select 'RETRY'::text, null::uuid[];
          return;
        end if;
        select status into v_status from registrations
         where id = p_registration_id and event_id = p_event_id for update;
        if not found then
          return query select 'NOT_FOUND'::text, null::uuid[];
          return;
        end if;
        if v_status = 'CANCELLED' then
          return query select 'DONE'::text, '{}'::uuid[];
          return;
        end if;
        select coalesce(array_agg(workshop_id order by workshop_id), '{}') into v_dropped
          from registration_workshops where registration_id = p_registration_id;
        if v_status = 'CONFIRMED' then
          update events set seats_taken = seats_taken - 1 where id = p_event_id and seats_taken > 0;
          update workshops set seats_taken = seats_taken - 1
           where id = any(v_dropped) and seats_taken > 0;
        end if;
        -- a cancelled registration holds no workshops, so workshops can be removed later
        delete from registration_workshops where registration_id = p_registration_id;
        update registrations set status = 'CANCELLED', waitlist_position = null,
            cancelled_at = now(), cancelled_by_organizer = p_by_organizer,
            revision = revision + 1, updated_at = date_trunc('milliseconds', clock_timestamp())
         where id = p_registration_id;
        perform seating_fill_job(p_cancel_job_sql, p_cancel_job_param, jsonb_build_object(
          'registrationId', p_registration_id, 'droppedWorkshopIds', to_jsonb(v_dropped)));
        select coalesce(array_agg(id), '{}') into v_promoted
          from seating_promote(p_event_id, p_promote_job_sql, p_promote_job_param) as id;
        return query select 'DONE'::text, v_promoted;
      end
      $fn$`);
    this.addSql(`
      create function seating_change(
        p_registration_id uuid, p_event_id uuid,
        -- the premise: the window as decided, the registration as read
        p_seen_status text, p_seen_opens_ms bigint, p_seen_closes_ms bigint,
        p_seen_updated_ms bigint, p_valid_until_ms bigint,
        p_seen_reg_status text, p_seen_workshop_ids uuid[],
        -- new participant data (p_first_name null: unchanged)
        p_first_name text, p_last_name text, p_email text, p_email_normalized text,
        p_organization text, p_job_title text, p_accessibility_needs text, p_dietary_needs text,
        -- new workshops (null: unchanged), seats to release and take when confirmed
        p_phase_ids uuid[], p_workshop_ids uuid[], p_release uuid[], p_take uuid[],
        -- what the mail tells, and its job
        p_details_change jsonb, p_workshops_change jsonb, p_job_sql text, p_job_param text)
      returns table (outcome text, workshop_id uuid) language plpgsql as $fn$
      declare
        e record;
        v_status text;
        v_seen uuid[];
        v_details boolean := false;
        v_step record;
        v_changes jsonb[] := '{}';
      begin
        select status,
               (extract(epoch from registration_opens_at) * 1000)::bigint as opens_ms,
               (extract(epoch from registration_closes_at) * 1000)::bigint as closes_ms,
               (extract(epoch from updated_at) * 1000)::bigint as updated_ms
          into e from events where id = p_event_id for no key update;
        if not found or e.status is distinct from p_seen_status
           or e.opens_ms is distinct from p_seen_opens_ms
           or e.closes_ms is distinct from p_seen_closes_ms
           or (e.status = 'CANCELLED' and e.updated_ms is distinct from p_seen_updated_ms)
           or (p_valid_until_ms is not null
               and (extract(epoch from clock_timestamp()) * 1000)::bigint >= p_valid_until_ms) then
          return query select 'RETRY'::text, null::uuid;
          return;
        end if;
        select status into v_status from registrations
         where id = p_registration_id and event_id = p_event_id for update;
        select coalesce(array_agg(rw.workshop_id order by rw.workshop_id), '{}') into v_seen
          from registration_workshops rw where rw.registration_id = p_registration_id;
        if v_status is distinct from p_seen_reg_status
           or v_seen <> coalesce(p_seen_workshop_ids, '{}') then
          return query select 'RETRY'::text, null::uuid;
          return;
        end if;
        begin
          if p_first_name is not null then
            if exists (select 1 from registrations
                        where event_id = p_event_id and email_normalized = p_email_normalized
                          and status <> 'CANCELLED' and id <> p_registration_id) then
              raise exception using errcode = 'FT003', message = 'EMAIL_IN_USE';
            end if;
            update registrations set first_name = p_first_name, last_name = p_last_name,
                email = p_email, email_normalized = p_email_normalized,
                organization = p_organization, job_title = p_job_title,
                accessibility_needs = p_accessibility_needs, dietary_needs = p_dietary_needs
             where id = p_registration_id
               and (first_name, last_name, email, organization, job_title, accessibility_needs,
                    dietary_needs)
                   is distinct from (p_first_name, p_last_name, p_email, p_organization,
                                     p_job_title, p_accessibility_needs, p_dietary_needs);
            v_details := found;
            if v_details then
              v_changes := v_changes || p_details_change;
            end if;
          end if;
          if p_workshop_ids is not null then
            if v_status = 'CONFIRMED' then
              -- releases and takes mixed in one ascending id order (as every seat move)
              for v_step in
                select s.id, s.take from (
                  select unnest(coalesce(p_release, '{}')) as id, false as take
                  union all select unnest(coalesce(p_take, '{}')), true) s
                 order by s.id
              loop
                if v_step.take then
                  update workshops set seats_taken = seats_taken + 1
                   where id = v_step.id and seats_taken < capacity;
                  if not found then
                    raise exception using errcode = 'FT004', message = v_step.id::text;
                  end if;
                else
                  update workshops set seats_taken = seats_taken - 1
                   where id = v_step.id and seats_taken > 0;
                end if;
              end loop;
            end if;
            delete from registration_workshops where registration_id = p_registration_id;
            insert into registration_workshops (registration_id, phase_id, workshop_id)
              select p_registration_id, unnest(p_phase_ids), unnest(p_workshop_ids);
            v_changes := v_changes || p_workshops_change;
          end if;
          if cardinality(v_changes) > 0 then
            update registrations set revision = revision + 1,
                updated_at = date_trunc('milliseconds', clock_timestamp())
             where id = p_registration_id;
            -- told in one mail with whatever else changes in the next moments
            insert into mail_changes (registration_id, change)
              select p_registration_id, c.change
                from unnest(v_changes) with ordinality as c (change, n) order by c.n;
            execute p_job_sql using p_job_param;
          end if;
        exception
          when sqlstate 'FT003' then
            return query select 'EMAIL_IN_USE'::text, null::uuid;
            return;
          when sqlstate 'FT004' then
            return query select 'WORKSHOP_FULL'::text, sqlerrm::uuid;
            return;
          when unique_violation then
            return query select 'EMAIL_IN_USE'::text, null::uuid;
            return;
        end;
        return query select 'DONE'::text, null::uuid;
      end
      $fn$`);
  }
}
