import { Field, InputType, Int } from '@nestjs/graphql';
import { SpeakerInput } from './speaker.input.js';

@InputType('WorkshopInput', { description: 'A new workshop of a WORKSHOP_PHASE.' })
export class WorkshopInput {
  @Field(() => Int, { nullable: true, description: 'Default: next free number in the event.' })
  number?: number | null;

  @Field({ description: 'Title.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Subtitle.' })
  subtitle?: string | null;

  @Field(() => String, { nullable: true, description: 'Description, plain text.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Room.' })
  room?: string | null;

  @Field(() => Int, { description: 'Seats; a positive whole number.' })
  capacity!: number;

  @Field(() => [SpeakerInput], { nullable: true, description: 'Hosts in order.' })
  hosts?: SpeakerInput[] | null;
}
