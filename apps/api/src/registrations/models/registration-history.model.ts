import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

/** What happened to a registration (one entry of its history). */
export enum RegistrationHistoryKind {
  REGISTERED = 'REGISTERED',
  WAITLISTED = 'WAITLISTED',
  WORKSHOPS_CHANGED = 'WORKSHOPS_CHANGED',
  MOVED = 'MOVED',
  PROMOTED = 'PROMOTED',
  CANCELLED = 'CANCELLED',
  MAIL_RESENT = 'MAIL_RESENT',
  MAIL_SENT = 'MAIL_SENT',
  MAIL_FAILED = 'MAIL_FAILED',
}

registerEnumType(RegistrationHistoryKind, {
  name: 'RegistrationHistoryKind',
  description: 'What happened to a registration.',
  valuesMap: {
    REGISTERED: { description: 'Registered with a seat.' },
    WAITLISTED: { description: 'Registered onto the waiting list.' },
    WORKSHOPS_CHANGED: { description: 'The participant changed their workshops (from → to).' },
    MOVED: { description: 'An organizer moved the participant to other workshops (from → to).' },
    PROMOTED: { description: 'Got a seat from the waiting list.' },
    CANCELLED: { description: 'Cancelled (by the participant or an organizer, with the reason).' },
    MAIL_RESENT: { description: 'An organizer sent the current mail again with a fresh link.' },
    MAIL_SENT: { description: 'A mail was accepted by the mail server.' },
    MAIL_FAILED: { description: 'A mail was refused for good (see failure).' },
  },
});

/** Who made a change. */
export enum RegistrationHistoryActor {
  PARTICIPANT = 'PARTICIPANT',
  ORGANIZER = 'ORGANIZER',
  SYSTEM = 'SYSTEM',
}

registerEnumType(RegistrationHistoryActor, {
  name: 'RegistrationHistoryActor',
  description: 'Who made a change.',
  valuesMap: {
    PARTICIPANT: { description: 'The participant (registration form, manage link).' },
    ORGANIZER: { description: 'An organizer (named in organizerName).' },
    SYSTEM: { description: 'Fachtag itself (promotion from the waiting list, mail delivery).' },
  },
});

@ObjectType('HistoryWorkshop', {
  description: 'A workshop as it was named when the entry was written.',
})
export class HistoryWorkshopModel {
  @Field(() => ID, { description: 'The workshop.' })
  id!: string;

  @Field(() => Int, { description: 'Its number then.' })
  number!: number;

  @Field({ description: 'Its title then.' })
  title!: string;
}

@ObjectType('RegistrationHistoryEntry', {
  description: 'One change of a registration: what, by whom, when. Organizers only.',
})
export class RegistrationHistoryEntryModel {
  @Field(() => ID, { description: 'Stable identifier, rising with time.' })
  id!: string;

  @Field(() => Date, { description: 'When it happened.' })
  at!: Date;

  @Field(() => RegistrationHistoryKind, { description: 'What happened.' })
  kind!: RegistrationHistoryKind;

  @Field(() => RegistrationHistoryActor, { description: 'Who did it.' })
  actor!: RegistrationHistoryActor;

  @Field(() => String, {
    nullable: true,
    description: "The organizer's name as it was then (actor ORGANIZER).",
  })
  organizerName!: string | null;

  @Field(() => String, { nullable: true, description: 'The reason given (CANCELLED).' })
  reason!: string | null;

  @Field(() => [HistoryWorkshopModel], {
    description:
      'Workshops held (or wished) before the change (WORKSHOPS_CHANGED, MOVED, CANCELLED).',
  })
  fromWorkshops!: HistoryWorkshopModel[];

  @Field(() => [HistoryWorkshopModel], {
    description:
      'Workshops held (or wished) after it (REGISTERED, WAITLISTED, WORKSHOPS_CHANGED, MOVED).',
  })
  toWorkshops!: HistoryWorkshopModel[];

  @Field(() => String, {
    nullable: true,
    description: "The mail's kind (MAIL_*), e.g. registration.confirmed.",
  })
  mail!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The mail server's refusal (MAIL_FAILED).",
  })
  failure!: string | null;
}
