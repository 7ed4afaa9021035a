import { NotFoundError } from '@fachtag/common';
import { assertMayManage, requireActor, type Actor } from '@fachtag/organizers';
import { isUuid } from '@fachtag/common';
import type { GraphQLContext } from '../graphql/context.js';

/** The GraphQL context as far as this module needs it. */
export type RequestContext = Pick<GraphQLContext, 'auth' | 'loaders'>;

/**
 * Throws unless the caller may manage `eventId`: UNAUTHENTICATED for anonymous
 * callers, FORBIDDEN for other organizers, NOT_FOUND for an unknown event. An
 * empty id only checks that an organizer is calling (the caller found nothing
 * and must not tell anonymous callers so).
 */
export async function requireEventManager(
  context: RequestContext,
  eventId: string,
): Promise<Actor> {
  const actor = requireActor(await context.auth.organizer());
  if (eventId === '') return actor;
  const event = isUuid(eventId) ? await context.loaders.eventById.load(eventId) : null;
  if (!event) throw new NotFoundError('Event', eventId);
  return assertMayManage(actor, event.owner.id);
}
