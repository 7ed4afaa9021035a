import { randomUUID } from 'node:crypto';
import { OptionalProps, type Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Event } from './event.entity.js';
import type { SpeakerData } from './speaker.js';
import { AgendaItemKind } from './agenda-item-kind.js';

// the enum lives in a plain module (no ORM) for the domain rules; re-exported here
export { AgendaItemKind };

/** One slot of an event's programme; a WORKSHOP_PHASE holds parallel workshops. */
@Entity({ tableName: 'agenda_items' })
@Index({ properties: ['event', 'startsAt'] })
export class AgendaItem {
  [OptionalProps]?: 'speakers' | 'revision' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Event, { deleteRule: 'cascade' })
  event!: Rel<Event>;

  @Enum({ items: () => AgendaItemKind })
  kind!: AgendaItemKind;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text', nullable: true })
  subtitle: string | null = null;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  startsAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  endsAt!: Date;

  @Property({ type: 'text', nullable: true })
  room: string | null = null;

  @Property({ type: 'json' })
  speakers: SpeakerData[] = [];

  /** Rises when time or room change (iCalendar SEQUENCE). */
  @Property({ type: 'integer' })
  revision: number = 0;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
