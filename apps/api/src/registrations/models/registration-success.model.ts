import { Field, ObjectType } from '@nestjs/graphql';
import type { Registration } from '@fachtag/registrations';
import { RegistrationModel } from './registration.model.js';

@ObjectType('RegistrationSuccess', {
  description: 'The new registration (confirmed or waitlisted) and its secret manage token.',
})
export class RegistrationSuccess {
  @Field(() => RegistrationModel, { description: 'The registration.' })
  registration: Registration;

  @Field({
    description:
      'Shown once here and sent in the confirmation e-mail; lets the participant view, change and cancel.',
  })
  manageToken: string;

  constructor(registration: Registration, manageToken: string) {
    this.registration = registration;
    this.manageToken = manageToken;
  }
}
