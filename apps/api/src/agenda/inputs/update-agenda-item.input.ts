import { Field, InputType } from '@nestjs/graphql';
import { AgendaItemKind } from '../../graphql/enums.js';
import { SpeakerInput } from './speaker.input.js';

@InputType('UpdateAgendaItemInput', {
  description: 'Changes to an agenda item: absent fields stay; null clears optional ones.',
})
export class UpdateAgendaItemInput {
  @Field(() => AgendaItemKind, { nullable: true, description: 'What happens.' })
  kind?: AgendaItemKind | null;

  @Field(() => String, { nullable: true, description: 'Title.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Subtitle.' })
  subtitle?: string | null;

  @Field(() => String, { nullable: true, description: 'Description, plain text.' })
  description?: string | null;

  @Field(() => Date, { nullable: true, description: 'Start.' })
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'End.' })
  endsAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Room.' })
  room?: string | null;

  @Field(() => [SpeakerInput], {
    nullable: true,
    description: 'Speakers in order; replaces the list.',
  })
  speakers?: SpeakerInput[] | null;
}
