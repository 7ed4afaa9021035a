import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { EventStatus } from '../../graphql/enums.js';
import { VenueModel } from './venue.model.js';

/**
 * An event. Resolvers return the `Event` entity; computed fields (capacity,
 * agenda, calendar URL) live in event-fields.resolver.ts.
 */
@ObjectType('Event', {
  description: 'A Fachtag: one conference with its programme and registration.',
})
export class EventModel {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field({ description: 'URL-safe unique name, e.g. transferforum-koeln-2018.' })
  slug!: string;

  @Field({ description: 'Title.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Subtitle.' })
  subtitle!: string | null;

  @Field(() => String, { nullable: true, description: 'Description, plain text.' })
  description!: string | null;

  @Field(() => EventStatus, { description: 'Draft, published or cancelled.' })
  status!: EventStatus;

  @Field({
    description:
      'IANA zone the event happens in, e.g. Europe/Berlin; all local times in mails and calendar files use it.',
  })
  timeZone!: string;

  @Field({ description: "Language of texts for participants: 'de' (default) or 'en'." })
  language!: string;

  @Field(() => Date, { description: 'Start of the event.' })
  startsAt!: Date;

  @Field(() => Date, { description: 'End of the event.' })
  endsAt!: Date;

  @Field(() => VenueModel, { nullable: true, description: 'Venue with address.' })
  venue!: VenueModel | null;

  @Field({ description: 'Who organizes the event, e.g. Deutsche Kinder- und Jugendstiftung.' })
  organizerName!: string;

  @Field(() => String, { nullable: true, description: 'Contact e-mail for participants.' })
  contactEmail!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Free text about fees, e.g. that the event is free and travel costs are the participants' own.",
  })
  costNote!: string | null;

  @Field(() => Date, { nullable: true, description: 'Registration opens at; null: open now.' })
  registrationOpensAt!: Date | null;

  @Field(() => Date, {
    description:
      'The cutoff: no registration or change by a participant is accepted after this instant.',
  })
  registrationClosesAt!: Date;

  @Field(() => Int, {
    nullable: true,
    description: 'Null means no limit on the number of participants.',
  })
  capacity!: number | null;

  @Field(() => Int, { description: 'Confirmed registrations.' })
  seatsTaken!: number;

  @Field({
    description:
      'When true, a registration that finds the event full is kept as WAITLISTED and promoted, first come first served, when a seat frees up; when false it gets EventFullError.',
  })
  waitlistEnabled!: boolean;

  @Field(() => Float, {
    description:
      "Share of a workshop's seats (0..1) at which it turns FILLING_UP and shows its capacityWarning.",
  })
  capacityWarningThreshold!: number;
}
