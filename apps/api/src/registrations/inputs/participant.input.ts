import { Field, InputType } from '@nestjs/graphql';

@InputType('ParticipantInput', { description: 'Who registers. Texts are trimmed and bounded.' })
export class ParticipantInput {
  @Field({ description: 'First name, required, at most 100 characters.' })
  firstName!: string;

  @Field({ description: 'Last name, required, at most 100 characters.' })
  lastName!: string;

  @Field({ description: 'E-mail address; compared case-insensitively.' })
  email!: string;

  @Field(() => String, { nullable: true, description: 'Organization, at most 200 characters.' })
  organization?: string | null;

  @Field(() => String, { nullable: true, description: 'Job title, at most 200 characters.' })
  jobTitle?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Optional, e.g. step-free access or sign language interpretation.',
  })
  accessibilityNeeds?: string | null;

  @Field(() => String, { nullable: true, description: 'Dietary needs, at most 1000 characters.' })
  dietaryNeeds?: string | null;
}
