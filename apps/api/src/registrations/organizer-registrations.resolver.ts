import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  Registration,
  RegistrationChangesService,
  RegistrationQueriesService,
  RegistrationStatus,
} from '@fachtag/registrations';
import { isUuid, msg } from '@fachtag/common';
import { badInput, notFound } from '../graphql/errors.js';
import { RegistrationConnectionModel } from './models/registration-connection.model.js';
import { RegistrationModel } from './models/registration.model.js';
import { requireEventManager, type RequestContext } from './require-event-manager.js';

/** The organizers' view of registrations. */
@Resolver()
export class OrganizerRegistrationsResolver {
  constructor(
    private readonly queries: RegistrationQueriesService,
    private readonly changes: RegistrationChangesService,
  ) {}

  @Query(() => RegistrationConnectionModel, {
    description: 'Organizers only: the registrations of one event.',
  })
  async registrations(
    @Context() context: RequestContext,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('status', { type: () => RegistrationStatus, nullable: true })
    status: RegistrationStatus | null,
  ): Promise<RegistrationConnectionModel> {
    await requireEventManager(context, eventId);
    if (!isUuid(eventId)) throw notFound('Event', eventId);
    const size = first ?? 50;
    if (size < 1 || size > 200) throw badInput(['first'], msg('input.first', { min: 1, max: 200 }));
    const page = await this.queries.list(eventId, size, after ?? null, status ?? null);
    return {
      edges: page.edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
      totalCount: page.totalCount,
    };
  }

  @Mutation(() => RegistrationModel, {
    description:
      'Organizers only: cancels a registration, also after the cutoff; the participant is told by e-mail and the seat goes to the waiting list.',
  })
  async cancelRegistrationAsOrganizer(
    @Context() context: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<Registration> {
    const registration = await this.changes.cancelAsOrganizer(id, (eventId) =>
      requireEventManager(context, eventId),
    );
    if (!registration) throw notFound('Registration', id);
    return registration;
  }
}
