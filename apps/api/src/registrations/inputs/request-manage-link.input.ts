import { Field, ID, InputType } from '@nestjs/graphql';

@InputType('RequestManageLinkInput', {
  description: 'Whose link to send again: the event (by slug or by id) and the registered e-mail.',
})
export class RequestManageLinkInput {
  @Field(() => String, { nullable: true, description: "The event's slug (or give eventId)." })
  eventSlug?: string | null;

  @Field(() => ID, { nullable: true, description: "The event's id (or give eventSlug)." })
  eventId?: string | null;

  @Field({ description: 'The e-mail address the registration was made with.' })
  email!: string;
}
