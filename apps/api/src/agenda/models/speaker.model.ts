import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('Speaker', { description: 'A speaker of an agenda item or a host of a workshop.' })
export class SpeakerModel {
  @Field({ description: 'Full name.' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "Role and organisation, e.g. 'Ressortleiter Zuwanderung und Integration, Stadt Wuppertal'.",
  })
  affiliation?: string | null;
}
