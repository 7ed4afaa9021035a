import { GraphQLError } from 'graphql';
import { InvalidInputError, NotFoundError } from '@fachtag/common';
import { AccessDeniedError, NotAuthenticatedError } from '@fachtag/organizers';
import { PublishingBlockedError } from '@fachtag/events';

/**
 * The domain's expected refusals as GraphQL errors with `extensions.code` (and
 * `extensions.field` for invalid input); null for anything else. The libs know
 * nothing of GraphQL; this is the one place that translates.
 */
export function domainErrorToGraphQL(error: unknown): GraphQLError | null {
  if (error instanceof PublishingBlockedError) {
    // the same fields as Event.agendaWarnings, so a client can point at each problem
    const problems = error.problems.map(({ code, message, agendaItemId, workshopId }) => ({
      code,
      message,
      agendaItemId,
      workshopId,
    }));
    return new GraphQLError(error.message, {
      extensions: { code: 'PUBLISHING_BLOCKED', field: ['id'], problems },
    });
  }
  if (error instanceof InvalidInputError) {
    return new GraphQLError(error.message, {
      extensions: { code: 'BAD_USER_INPUT', field: error.field },
    });
  }
  if (error instanceof NotAuthenticatedError) {
    return new GraphQLError(error.message, { extensions: { code: 'UNAUTHENTICATED' } });
  }
  if (error instanceof AccessDeniedError) {
    return new GraphQLError(error.message, { extensions: { code: 'FORBIDDEN' } });
  }
  if (error instanceof NotFoundError) {
    return new GraphQLError(error.message, { extensions: { code: 'NOT_FOUND' } });
  }
  return null;
}
