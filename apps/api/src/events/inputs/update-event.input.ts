import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { VenueInput } from './venue.input.js';

@InputType('UpdateEventInput', {
  description: 'Changes to an event: absent fields stay as they are; null clears optional ones.',
})
export class UpdateEventInput {
  @Field(() => String, { nullable: true, description: 'URL-safe and unique.' })
  slug?: string | null;

  @Field(() => String, { nullable: true, description: 'Title.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Subtitle.' })
  subtitle?: string | null;

  @Field(() => String, { nullable: true, description: 'Description, plain text.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone, e.g. Europe/Berlin.' })
  timeZone?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Language of texts for participants: 'de' or 'en'.",
  })
  language?: string | null;

  @Field(() => Date, { nullable: true, description: 'Start of the event.' })
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'End of the event; after the start.' })
  endsAt?: Date | null;

  @Field(() => VenueInput, { nullable: true, description: 'Venue with address.' })
  venue?: VenueInput | null;

  @Field(() => String, { nullable: true, description: 'Who organizes the event.' })
  organizerName?: string | null;

  @Field(() => String, { nullable: true, description: 'Contact e-mail for participants.' })
  contactEmail?: string | null;

  @Field(() => String, { nullable: true, description: 'Free text about fees.' })
  costNote?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Null: no limit on the number of participants.',
  })
  capacity?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Keep registrations that find the event full on a waiting list.',
  })
  waitlistEnabled?: boolean | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Null: registration is open at once after publishing.',
  })
  registrationOpensAt?: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'The cutoff; not after the start of the event.',
  })
  registrationClosesAt?: Date | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Share of seats (0..1] at which FILLING_UP starts.',
  })
  capacityWarningThreshold?: number | null;
}
