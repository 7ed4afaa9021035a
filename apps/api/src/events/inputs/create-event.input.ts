import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { VenueInput } from './venue.input.js';

@InputType('CreateEventInput', { description: 'A new event; it starts as a DRAFT.' })
export class CreateEventInput {
  @Field(() => String, {
    nullable: true,
    description: 'Derived from the title when absent; unique.',
  })
  slug?: string | null;

  @Field({ description: 'Title.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Subtitle.' })
  subtitle?: string | null;

  @Field(() => String, { nullable: true, description: 'Description, plain text.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Default Europe/Berlin.' })
  timeZone?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Language of texts for participants: 'de' (default) or 'en'.",
  })
  language?: string | null;

  @Field(() => Date, { description: 'Start of the event.' })
  startsAt!: Date;

  @Field(() => Date, { description: 'End of the event; after the start.' })
  endsAt!: Date;

  @Field(() => VenueInput, { nullable: true, description: 'Venue with address.' })
  venue?: VenueInput | null;

  @Field({ description: 'Who organizes the event.' })
  organizerName!: string;

  @Field(() => String, { nullable: true, description: 'Contact e-mail for participants.' })
  contactEmail?: string | null;

  @Field(() => String, { nullable: true, description: 'Free text about fees.' })
  costNote?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Null: no limit on the number of participants.',
  })
  capacity?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Default true.' })
  waitlistEnabled?: boolean | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Null: registration is open at once after publishing.',
  })
  registrationOpensAt?: Date | null;

  @Field(() => Date, { description: 'The cutoff; not after the start of the event.' })
  registrationClosesAt!: Date;

  @Field(() => Float, { nullable: true, description: 'Default 0.8.' })
  capacityWarningThreshold?: number | null;
}
