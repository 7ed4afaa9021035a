import { randomUUID } from 'node:crypto';
import { Collection, OptionalProps, type Rel } from '@mikro-orm/core';
import {
  Entity,
  Enum,
  ManyToOne,
  OneToMany,
  PrimaryKey,
  Property,
} from '@mikro-orm/decorators/legacy';
import { Event } from '@fachtag/events';
import { RegistrationWorkshop } from './registration-workshop.entity.js';
import { MailStatus, RegistrationStatus } from './registration-status.js';

// the enums live in a plain module (no ORM); re-exported here
export { MailStatus, RegistrationStatus };

/**
 * One participant's registration for an event. Written by SQL in
 * RegistrationsService (seats and uniqueness are decided by PostgreSQL); the
 * entity is for reading.
 */
@Entity({ tableName: 'registrations' })
export class Registration {
  [OptionalProps]?:
    | 'waitlistPosition'
    | 'revision'
    | 'mailStatus'
    | 'cancelledAt'
    | 'cancelledByOrganizer'
    | 'createdAt'
    | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Event, { deleteRule: 'cascade' })
  event!: Rel<Event>;

  @Enum({ items: () => RegistrationStatus })
  status!: RegistrationStatus;

  @Property({ type: 'text' })
  firstName!: string;

  @Property({ type: 'text' })
  lastName!: string;

  /** As the participant typed it (trimmed). */
  @Property({ type: 'text' })
  email!: string;

  /** Lower-case: one active registration per event and normalized e-mail. */
  @Property({ type: 'text' })
  emailNormalized!: string;

  @Property({ type: 'text', nullable: true })
  organization: string | null = null;

  @Property({ type: 'text', nullable: true })
  jobTitle: string | null = null;

  @Property({ type: 'text', nullable: true })
  accessibilityNeeds: string | null = null;

  @Property({ type: 'text', nullable: true })
  dietaryNeeds: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  privacyConsentAt!: Date;

  /** SHA-256 (hex) of the manage token; the token itself is never stored. */
  @Property({ type: 'text', hidden: true })
  manageTokenHash!: string;

  /**
   * The random nonce the manage token is derived from under the server secret
   * (`deriveManageToken`); null for registrations made before tokens were derived.
   */
  @Property({ type: 'text', nullable: true, hidden: true })
  manageTokenNonce: string | null = null;

  /** Read-only capability for the personal calendar feed. */
  @Property({ type: 'text', hidden: true })
  calendarToken!: string;

  /** Order on the waiting list (smaller waits longer); null unless WAITLISTED. */
  @Property({ type: 'integer', nullable: true })
  waitlistPosition: number | null = null;

  /** Rises with every change the participant's calendar must learn about (iCalendar SEQUENCE). */
  @Property({ type: 'integer' })
  revision: number = 0;

  @Enum({ items: () => MailStatus })
  mailStatus: MailStatus = MailStatus.PENDING;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  cancelledAt: Date | null = null;

  @Property({ type: 'boolean' })
  cancelledByOrganizer: boolean = false;

  /** CONFIRMED: the booked workshops; WAITLISTED: the wishes; CANCELLED: none. */
  @OneToMany(() => RegistrationWorkshop, (choice) => choice.registration)
  choices = new Collection<RegistrationWorkshop>(this);

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();

  /**
   * Not persisted: the clear manage token, set only on the object returned to
   * the request that knows it (register, or a lookup by that token).
   */
  manageToken?: string;
}
