import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('ManageLinkRequested', {
  description:
    'The request was taken. The answer is the same whether or not the address is registered for the event: if it is, a mail with a fresh link to the manage page is on its way, and every earlier link stops working.',
})
export class ManageLinkRequested {
  @Field({ description: 'What happens now, for the participant.' })
  message: string;

  constructor(message: string) {
    this.message = message;
  }
}
