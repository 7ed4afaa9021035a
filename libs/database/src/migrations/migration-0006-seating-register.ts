import { Migration } from '@mikro-orm/migrations';

/**
 * `seating_register`: the locked part of a registration as one database call
 * (libs/seating calls it; see docs/decisions.md, "Registration in one round trip").
 *
 * The caller decided admission in TypeScript on a snapshot and passes the
 * decision with its premise: bounds on the counters and the event settings it
 * read. The function knows no rule: it writes the idempotency claim, the
 * registration, its choices, the mail job (pg-boss's own statement, passed in)
 * and the idempotency result, and only then locks the event row, checks that
 * the counters still lie within the premise and takes the seats. Anything else
 * answers RETRY (or ALREADY_REGISTERED from the unique index) and undoes every
 * write; the caller re-reads and decides again. The event row is locked for the
 * last statements only, and released at the commit that ends the call.
 */
export class Migration0006SeatingRegister extends Migration {
  override up(): void {
    this.addSql(`
      create function seating_register(
        p_id uuid, p_event_id uuid, p_status text,
        p_first_name text, p_last_name text, p_email text, p_email_normalized text,
        p_organization text, p_job_title text, p_accessibility_needs text, p_dietary_needs text,
        p_manage_token_hash text, p_calendar_token text,
        p_phase_ids uuid[], p_workshop_ids uuid[],
        p_job_sql text, p_job_param text,
        p_idem_key_hash text, p_idem_request_hash text, p_idem_result jsonb,
        p_idem_retention_hours integer,
        -- the premise: event settings as read, and bounds on the counters
        p_seen_status text, p_seen_capacity integer, p_seen_waitlist boolean,
        p_seen_opens_ms bigint, p_seen_closes_ms bigint, p_valid_until_ms bigint,
        p_event_min integer, p_event_max integer, p_wait_min integer, p_wait_max integer,
        p_seat_ids uuid[], p_seat_max integer[])
      returns table (outcome text, registration_id uuid, request_hash text, result jsonb)
      language plpgsql as $fn$
      declare
        e record;
        v_waiting integer;
        v_taken integer;
      begin
        -- a refusal raised below rolls back every write of this block
        begin
          if p_idem_key_hash is not null then
            insert into idempotency_records (key_hash, request_hash)
              values (p_idem_key_hash, p_idem_request_hash)
              on conflict (key_hash) do nothing;
            if not found then
              return query select 'IDEMPOTENT'::text, r.registration_id, r.request_hash, r.result
                from idempotency_records r where r.key_hash = p_idem_key_hash;
              return;
            end if;
            delete from idempotency_records
             where created_at < now() - make_interval(hours => p_idem_retention_hours);
          end if;

          insert into registrations (id, event_id, status, first_name, last_name, email,
              email_normalized, organization, job_title, accessibility_needs, dietary_needs,
              privacy_consent_at, manage_token_hash, calendar_token, waitlist_position,
              created_at, updated_at)
            values (p_id, p_event_id, p_status, p_first_name, p_last_name, p_email,
              p_email_normalized, p_organization, p_job_title, p_accessibility_needs,
              p_dietary_needs, date_trunc('milliseconds', now()), p_manage_token_hash,
              p_calendar_token,
              case when p_status = 'WAITLISTED' then nextval('registrations_waitlist_seq') end,
              date_trunc('milliseconds', clock_timestamp()),
              date_trunc('milliseconds', clock_timestamp()))
            on conflict (event_id, email_normalized) where status <> 'CANCELLED' do nothing;
          if not found then
            raise exception using errcode = 'FT001', message = 'ALREADY_REGISTERED';
          end if;
          insert into registration_workshops (registration_id, phase_id, workshop_id)
            select p_id, unnest(p_phase_ids), unnest(p_workshop_ids);
          execute p_job_sql using p_job_param;
          if p_idem_key_hash is not null then
            update idempotency_records set registration_id = p_id, result = p_idem_result
             where key_hash = p_idem_key_hash;
          end if;

          -- the hot row, as late as possible
          select status, capacity, seats_taken, waitlist_enabled,
                 (extract(epoch from registration_opens_at) * 1000)::bigint as opens_ms,
                 (extract(epoch from registration_closes_at) * 1000)::bigint as closes_ms
            into e from events where id = p_event_id for no key update;
          select count(*) into v_waiting from (
            select 1 from registrations
             where event_id = p_event_id and status = 'WAITLISTED' and id <> p_id
             limit greatest(p_wait_min, coalesce(p_wait_max, 0)) + 1) w;
          if e.status is distinct from p_seen_status
             or e.capacity is distinct from p_seen_capacity
             or e.waitlist_enabled is distinct from p_seen_waitlist
             or e.opens_ms is distinct from p_seen_opens_ms
             or e.closes_ms is distinct from p_seen_closes_ms
             or (p_valid_until_ms is not null
                 and (extract(epoch from clock_timestamp()) * 1000)::bigint >= p_valid_until_ms)
             or e.seats_taken < p_event_min or e.seats_taken > coalesce(p_event_max, e.seats_taken)
             or v_waiting < p_wait_min or v_waiting > coalesce(p_wait_max, v_waiting) then
            raise exception using errcode = 'FT002', message = 'RETRY';
          end if;
          if p_status = 'CONFIRMED' then
            update events set seats_taken = seats_taken + 1 where id = p_event_id;
            update workshops w set seats_taken = w.seats_taken + 1
              from unnest(p_seat_ids, p_seat_max) as b(id, max_taken)
             where w.id = b.id and w.seats_taken <= b.max_taken and w.seats_taken < w.capacity;
            get diagnostics v_taken = row_count;
            if v_taken <> coalesce(cardinality(p_seat_ids), 0) then
              raise exception using errcode = 'FT002', message = 'RETRY';
            end if;
          end if;
        exception
          when sqlstate 'FT001' then
            return query select 'ALREADY_REGISTERED'::text, null::uuid, null::text, null::jsonb;
            return;
          when sqlstate 'FT002' then
            return query select 'RETRY'::text, null::uuid, null::text, null::jsonb;
            return;
        end;
        return query select 'DONE'::text, p_id, null::text, null::jsonb;
      end
      $fn$`);
  }
}
