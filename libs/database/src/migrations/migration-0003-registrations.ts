import { Migration } from '@mikro-orm/migrations';

/** Registrations, their workshop choices (or waitlist wishes) and idempotency records. */
export class Migration0003Registrations extends Migration {
  override up(): void {
    this.addSql(`create sequence registrations_waitlist_seq`);
    this.addSql(`
      create table registrations (
        id uuid primary key,
        event_id uuid not null references events (id) on delete cascade,
        status text not null check (status in ('CONFIRMED', 'WAITLISTED', 'CANCELLED')),
        first_name text not null,
        last_name text not null,
        email text not null,
        email_normalized text not null,
        organization text,
        job_title text,
        accessibility_needs text,
        dietary_needs text,
        privacy_consent_at timestamptz not null,
        -- SHA-256 of the manage token: the clear token exists only in the response and first mail
        manage_token_hash text not null unique,
        -- read-only capability for the personal calendar feed, shown to organizers too
        calendar_token text not null unique,
        -- first come, first served among WAITLISTED; null for the others
        waitlist_position integer,
        revision integer not null default 0,
        mail_status text not null default 'PENDING'
          check (mail_status in ('PENDING', 'SENT', 'FAILED')),
        cancelled_at timestamptz,
        cancelled_by_organizer boolean not null default false,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint registrations_waitlist_position
          check ((status = 'WAITLISTED') = (waitlist_position is not null))
      )`);
    // one active registration per participant and event; cancelled ones may repeat
    this.addSql(`
      create unique index registrations_active_email_unique
        on registrations (event_id, email_normalized) where status <> 'CANCELLED'`);
    this.addSql(`
      create index registrations_waitlist_idx
        on registrations (event_id, waitlist_position) where status = 'WAITLISTED'`);
    this.addSql(
      `create index registrations_listing_idx on registrations (event_id, created_at, id)`,
    );
    // Foreign keys to workshops and phases are checked at commit (deferred):
    // removing a workshop or phase that an active registration or a waitlist
    // wish names fails, while deleting a whole event cascades through
    // everything (an immediate check fires halfway through that cascade).
    this.addSql(`
      create table registration_workshops (
        registration_id uuid not null references registrations (id) on delete cascade,
        phase_id uuid not null references agenda_items (id) deferrable initially deferred,
        workshop_id uuid not null references workshops (id) deferrable initially deferred,
        primary key (registration_id, phase_id)
      )`);
    this.addSql(
      `create index registration_workshops_workshop_idx on registration_workshops (workshop_id)`,
    );
    this.addSql(
      `create index registration_workshops_phase_idx on registration_workshops (phase_id)`,
    );
    this.addSql(`
      create table idempotency_records (
        key_hash text primary key,
        request_hash text not null,
        registration_id uuid references registrations (id) on delete cascade,
        result jsonb,
        created_at timestamptz not null default now()
      )`);
    this.addSql(`create index idempotency_records_created_idx on idempotency_records (created_at)`);
  }
}
