import { Field, InputType } from '@nestjs/graphql';
import { AgendaItemKind } from '../../graphql/enums.js';
import { SpeakerInput } from './speaker.input.js';

@InputType('AgendaItemInput', {
  description: 'A new agenda item: inside the event, overlapping no other item.',
})
export class AgendaItemInput {
  @Field(() => AgendaItemKind, {
    description: 'What happens; WORKSHOP_PHASE holds parallel workshops.',
  })
  kind!: AgendaItemKind;

  @Field({ description: 'Title.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Subtitle.' })
  subtitle?: string | null;

  @Field(() => String, { nullable: true, description: 'Description, plain text.' })
  description?: string | null;

  @Field(() => Date, { description: 'Start; not before the event starts.' })
  startsAt!: Date;

  @Field(() => Date, { description: 'End; after the start, not after the event ends.' })
  endsAt!: Date;

  @Field(() => String, { nullable: true, description: 'Room.' })
  room?: string | null;

  @Field(() => [SpeakerInput], { nullable: true, description: 'Speakers in order.' })
  speakers?: SpeakerInput[] | null;
}
