import { Field, ID, InputType } from '@nestjs/graphql';
import { ParticipantInput } from './participant.input.js';

@InputType('UpdateRegistrationInput', {
  description: 'Changes to a registration; absent fields stay as they are.',
})
export class UpdateRegistrationInput {
  @Field(() => ParticipantInput, {
    nullable: true,
    description: 'New participant data (all of it).',
  })
  participant?: ParticipantInput | null;

  @Field(() => [ID], { nullable: true, description: 'New workshop choice, one per phase.' })
  workshopIds?: string[] | null;
}
