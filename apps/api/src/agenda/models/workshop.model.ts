import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { SpeakerModel } from './speaker.model.js';

/** A workshop of a phase. Resolvers return the `Workshop` entity; see workshop-fields.resolver.ts. */
@ObjectType('Workshop', { description: 'One of the parallel workshops of a WORKSHOP_PHASE.' })
export class WorkshopModel {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => Int, { description: "Position in the programme, e.g. 7 for 'Workshop 7'." })
  number!: number;

  @Field({ description: 'Title.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Subtitle.' })
  subtitle!: string | null;

  @Field(() => String, { nullable: true, description: 'Description, plain text.' })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'Room.' })
  room!: string | null;

  @Field(() => [SpeakerModel], { description: 'Hosts with their affiliations, in order.' })
  hosts!: SpeakerModel[];

  @Field(() => Int, { description: 'Seats.' })
  capacity!: number;

  @Field(() => Int, { description: 'Seats taken by confirmed registrations.' })
  seatsTaken!: number;
}
