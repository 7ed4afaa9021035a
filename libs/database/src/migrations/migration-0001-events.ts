import { Migration } from '@mikro-orm/migrations';

/** Organizers, events, agenda items and workshops. */
export class Migration0001Events extends Migration {
  override up(): void {
    this.addSql(`
      create table organizers (
        id uuid primary key,
        email text not null unique,
        name text not null,
        password_hash text not null,
        is_admin boolean not null default false,
        created_at timestamptz not null default now()
      )`);
    this.addSql(`
      create table events (
        id uuid primary key,
        slug text not null unique,
        title text not null,
        subtitle text,
        description text,
        status text not null default 'DRAFT' check (status in ('DRAFT', 'PUBLISHED', 'CANCELLED')),
        language text not null default 'de',
        time_zone text not null default 'Europe/Berlin',
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        venue jsonb,
        organizer_name text not null,
        contact_email text,
        cost_note text,
        registration_opens_at timestamptz,
        registration_closes_at timestamptz not null,
        capacity integer check (capacity is null or capacity > 0),
        seats_taken integer not null default 0,
        waitlist_enabled boolean not null default true,
        capacity_warning_threshold double precision not null default 0.8,
        revision integer not null default 0,
        owner_id uuid not null references organizers (id) on delete restrict,
        cancel_reason text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        -- the last line of defence against overbooking: no code path can commit more
        constraint events_seats_within_capacity
          check (seats_taken >= 0 and (capacity is null or seats_taken <= capacity)),
        constraint events_ends_after_start check (ends_at > starts_at)
      )`);
    this.addSql(`create index events_owner_idx on events (owner_id)`);
    this.addSql(`create index events_listing_idx on events (status, starts_at, id)`);
    this.addSql(`
      create table agenda_items (
        id uuid primary key,
        event_id uuid not null references events (id) on delete cascade,
        kind text not null check (kind in ('ARRIVAL', 'WELCOME', 'KEYNOTE', 'TALK', 'PANEL',
          'WORKSHOP_PHASE', 'BREAK', 'CLOSING', 'OTHER')),
        title text not null,
        subtitle text,
        description text,
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        room text,
        speakers jsonb not null default '[]',
        revision integer not null default 0,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint agenda_items_ends_after_start check (ends_at > starts_at)
      )`);
    this.addSql(`create index agenda_items_event_idx on agenda_items (event_id, starts_at)`);
    this.addSql(`
      create table workshops (
        id uuid primary key,
        event_id uuid not null references events (id) on delete cascade,
        phase_id uuid not null references agenda_items (id) on delete cascade,
        number integer not null check (number > 0),
        title text not null,
        subtitle text,
        description text,
        room text,
        hosts jsonb not null default '[]',
        capacity integer not null check (capacity > 0),
        seats_taken integer not null default 0,
        revision integer not null default 0,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint workshops_number_unique unique (event_id, number),
        constraint workshops_seats_within_capacity check (seats_taken >= 0 and seats_taken <= capacity)
      )`);
    this.addSql(`create index workshops_phase_idx on workshops (phase_id, number)`);
  }
}
