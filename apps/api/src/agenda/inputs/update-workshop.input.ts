import { Field, InputType, Int } from '@nestjs/graphql';
import { SpeakerInput } from './speaker.input.js';

@InputType('UpdateWorkshopInput', {
  description: 'Changes to a workshop: absent fields stay; null clears optional ones.',
})
export class UpdateWorkshopInput {
  @Field(() => Int, {
    nullable: true,
    description: 'Position in the programme; unique in the event.',
  })
  number?: number | null;

  @Field(() => String, { nullable: true, description: 'Title.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Subtitle.' })
  subtitle?: string | null;

  @Field(() => String, { nullable: true, description: 'Description, plain text.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Room.' })
  room?: string | null;

  @Field(() => Int, { nullable: true, description: 'Seats; not below the seats already taken.' })
  capacity?: number | null;

  @Field(() => [SpeakerInput], {
    nullable: true,
    description: 'Hosts in order; replaces the list.',
  })
  hosts?: SpeakerInput[] | null;
}
