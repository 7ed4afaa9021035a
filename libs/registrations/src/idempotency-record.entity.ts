import { OptionalProps } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * The first successful result of a `register` call with an idempotency key,
 * kept at least 24 hours. Keys are stored hashed; the manage token of the
 * result is encrypted with a key derived from the idempotency key, so the row
 * alone reveals neither.
 */
@Entity({ tableName: 'idempotency_records' })
export class IdempotencyRecord {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'text' })
  keyHash!: string;

  @Property({ type: 'text' })
  requestHash!: string;

  @Property({ type: 'uuid', nullable: true })
  registrationId: string | null = null;

  @Property({ type: 'json', nullable: true })
  result: Record<string, unknown> | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
