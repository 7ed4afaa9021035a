import { randomUUID } from 'node:crypto';
import { OptionalProps, type Rel } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { AgendaItem } from './agenda-item.entity.js';
import { Event } from './event.entity.js';
import type { SpeakerData } from './speaker.js';

/** One of the parallel workshops of a WORKSHOP_PHASE, with its own seats. */
@Entity({ tableName: 'workshops' })
@Unique({ properties: ['event', 'number'] })
export class Workshop {
  [OptionalProps]?: 'hosts' | 'seatsTaken' | 'revision' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Denormalised from the phase so that numbers are unique per event. */
  @ManyToOne(() => Event, { deleteRule: 'cascade' })
  event!: Rel<Event>;

  @ManyToOne(() => AgendaItem, { deleteRule: 'cascade' })
  phase!: Rel<AgendaItem>;

  @Property({ type: 'integer' })
  number!: number;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text', nullable: true })
  subtitle: string | null = null;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Property({ type: 'text', nullable: true })
  room: string | null = null;

  @Property({ type: 'json' })
  hosts: SpeakerData[] = [];

  @Property({ type: 'integer' })
  capacity!: number;

  /** Confirmed seats; changed only by atomic SQL updates, never read-modify-write. */
  @Property({ type: 'integer' })
  seatsTaken: number = 0;

  /** Rises when time or room change (iCalendar SEQUENCE). */
  @Property({ type: 'integer' })
  revision: number = 0;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
