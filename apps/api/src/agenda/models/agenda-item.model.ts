import { Field, ID, ObjectType } from '@nestjs/graphql';
import { AgendaItemKind } from '../../graphql/enums.js';
import { SpeakerModel } from './speaker.model.js';

/** One slot of the programme. Resolvers return the `AgendaItem` entity. */
@ObjectType('AgendaItem', { description: 'One slot of the programme.' })
export class AgendaItemModel {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => AgendaItemKind, { description: 'What happens in this slot.' })
  kind!: AgendaItemKind;

  @Field({ description: 'Title.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Subtitle.' })
  subtitle!: string | null;

  @Field(() => String, { nullable: true, description: 'Description, plain text.' })
  description!: string | null;

  @Field(() => Date, { description: 'Start.' })
  startsAt!: Date;

  @Field(() => Date, { description: 'End.' })
  endsAt!: Date;

  @Field(() => String, { nullable: true, description: 'Room.' })
  room!: string | null;

  @Field(() => [SpeakerModel], { description: 'Speakers with their affiliations, in order.' })
  speakers!: SpeakerModel[];
}
