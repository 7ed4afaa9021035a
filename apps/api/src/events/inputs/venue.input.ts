import { Field, InputType } from '@nestjs/graphql';

@InputType('VenueInput', { description: 'Where an event takes place.' })
export class VenueInput {
  @Field({ description: 'Name of the venue, e.g. KOMED im MediaPark.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Street and number.' })
  street?: string | null;

  @Field(() => String, { nullable: true, description: 'Postal code.' })
  postalCode?: string | null;

  @Field({ description: 'City.' })
  city!: string;

  @Field(() => String, { nullable: true, description: 'Country, e.g. Deutschland.' })
  country?: string | null;
}
