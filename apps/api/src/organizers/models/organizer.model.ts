import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Organizer', { description: 'Someone who configures events.' })
export class OrganizerModel {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field({ description: 'Login e-mail address.' })
  email!: string;

  @Field({ description: 'Display name.' })
  name!: string;

  @Field({ description: 'Admins may manage every event and create organizers.' })
  isAdmin!: boolean;

  @Field(() => Date, {
    nullable: true,
    description:
      'When an admin deactivated the account (no login, its tokens stop working); null: active.',
  })
  deactivatedAt!: Date | null;
}
