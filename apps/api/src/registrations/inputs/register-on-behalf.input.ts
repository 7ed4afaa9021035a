import { Field, ID, InputType } from '@nestjs/graphql';
import { ParticipantInput } from './participant.input.js';

@InputType('RegisterOnBehalfInput', {
  description: 'A registration an organizer makes for a participant.',
})
export class RegisterOnBehalfInput {
  @Field(() => ParticipantInput, { description: 'The participant.' })
  participant!: ParticipantInput;

  @Field(() => [ID], {
    description:
      "At most one workshop per phase; one per phase is required where the event's phases have workshops.",
  })
  workshopIds!: string[];

  @Field({
    description:
      'Must be true: the participant accepted the privacy notice (the organizer confirms it).',
  })
  privacyConsent!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'A retried call with the same key returns the first result instead of registering twice.',
  })
  idempotencyKey?: string | null;
}
