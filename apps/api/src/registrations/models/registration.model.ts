import { Field, ID, ObjectType } from '@nestjs/graphql';
import { MailStatus, RegistrationStatus } from './registration-status.enum.js';

/**
 * A participant's registration. Resolvers return the `Registration` entity;
 * event, workshops and calendarUrl live in registration-fields.resolver.ts.
 */
@ObjectType('Registration', { description: "A participant's registration for an event." })
export class RegistrationModel {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => RegistrationStatus, { description: 'Confirmed, waitlisted or cancelled.' })
  status!: RegistrationStatus;

  @Field({ description: 'First name.' })
  firstName!: string;

  @Field({ description: 'Last name.' })
  lastName!: string;

  @Field({ description: 'E-mail address as entered.' })
  email!: string;

  @Field(() => String, { nullable: true, description: 'Organization, e.g. employer.' })
  organization!: string | null;

  @Field(() => String, { nullable: true, description: 'Job title or role.' })
  jobTitle!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Accessibility needs, e.g. step-free access or sign language interpretation.',
  })
  accessibilityNeeds!: string | null;

  @Field(() => String, { nullable: true, description: 'Dietary needs.' })
  dietaryNeeds!: string | null;

  @Field(() => Date, { description: 'When the participant registered.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'Last change.' })
  updatedAt!: Date;

  @Field(() => MailStatus, {
    description:
      'Delivery of the latest mail to this participant; FAILED means the mail server refused it for good.',
  })
  mailStatus!: MailStatus;
}
