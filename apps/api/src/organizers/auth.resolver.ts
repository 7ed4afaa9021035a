import { Query, Resolver } from '@nestjs/graphql';
import { OrganizerModel } from './models/organizer.model.js';

@Resolver()
export class AuthResolver {
  @Query(() => OrganizerModel, {
    nullable: true,
    description: 'The organizer behind the bearer token; null for anonymous callers.',
  })
  viewer(): OrganizerModel | null {
    return null;
  }
}
