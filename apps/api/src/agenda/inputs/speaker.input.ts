import { Field, InputType } from '@nestjs/graphql';

@InputType('SpeakerInput', { description: 'A speaker or workshop host.' })
export class SpeakerInput {
  @Field({ description: 'Full name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Role and organisation.' })
  affiliation?: string | null;
}
