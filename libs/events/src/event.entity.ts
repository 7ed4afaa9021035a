import { randomUUID } from 'node:crypto';
import { OptionalProps, type Rel } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Organizer } from '@fachtag/organizers';
import type { VenueData } from './speaker.js';
import { EventStatus } from './event-status.js';

// the enum lives in a plain module (no ORM) for the domain rules; re-exported here
export { EventStatus };

/** A one-day (or longer) conference with its registration window and capacity. */
@Entity({ tableName: 'events' })
export class Event {
  [OptionalProps]?:
    | 'status'
    | 'language'
    | 'timeZone'
    | 'seatsTaken'
    | 'waitlistEnabled'
    | 'capacityWarningThreshold'
    | 'revision'
    | 'createdAt'
    | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text', unique: true })
  slug!: string;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text', nullable: true })
  subtitle: string | null = null;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Enum({ items: () => EventStatus })
  status: EventStatus = EventStatus.DRAFT;

  /** BCP 47 primary language of texts sent to participants: 'de' or 'en'. */
  @Property({ type: 'text' })
  language: string = 'de';

  @Property({ type: 'text' })
  timeZone: string = 'Europe/Berlin';

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  startsAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  endsAt!: Date;

  @Property({ type: 'json', nullable: true })
  venue: VenueData | null = null;

  @Property({ type: 'text' })
  organizerName!: string;

  @Property({ type: 'text', nullable: true })
  contactEmail: string | null = null;

  @Property({ type: 'text', nullable: true })
  costNote: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  registrationOpensAt: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  registrationClosesAt!: Date;

  /** Null: no limit. */
  @Property({ type: 'integer', nullable: true })
  capacity: number | null = null;

  /** Confirmed registrations; changed only by atomic SQL updates, never read-modify-write. */
  @Property({ type: 'integer' })
  seatsTaken: number = 0;

  @Property({ type: 'boolean' })
  waitlistEnabled: boolean = true;

  @Property({ type: 'double' })
  capacityWarningThreshold: number = 0.8;

  /** Rises with every change participants' calendars must learn about (iCalendar SEQUENCE). */
  @Property({ type: 'integer' })
  revision: number = 0;

  @ManyToOne(() => Organizer, { deleteRule: 'restrict' })
  owner!: Rel<Organizer>;

  @Property({ type: 'text', nullable: true })
  cancelReason: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
