import { GraphQLError } from 'graphql';
import { InvalidInputError, NotFoundError } from '@fachtag/common';
import { AccessDeniedError, NotAuthenticatedError } from '@fachtag/organizers';
import { PublishingBlockedError } from '@fachtag/events';
import { localized } from './localize.js';

/**
 * The domain's expected refusals as GraphQL errors with `extensions.code` (and
 * `extensions.field` for invalid input, with `messageKey` and `messageParams`: the
 * rule that was broken and its values, so a client can word it its own way); null
 * for anything else. The libs know
 * nothing of GraphQL; this is the one place that translates. Messages are
 * English here and rendered in the reader's language by localizeErrorsPlugin.
 */
export function domainErrorToGraphQL(error: unknown): GraphQLError | null {
  if (error instanceof PublishingBlockedError) {
    // the same fields as Event.agendaWarnings, so a client can point at each problem
    const problems = error.problems.map(({ code, message, text, agendaItemId, workshopId }) => ({
      code,
      message,
      agendaItemId,
      workshopId,
      ...localized(text),
    }));
    return new GraphQLError(error.message, {
      extensions: {
        code: 'PUBLISHING_BLOCKED',
        field: ['id'],
        problems,
        ...localized((locale) => PublishingBlockedError.describe(error.problems, locale)),
      },
    });
  }
  if (error instanceof InvalidInputError) {
    return new GraphQLError(error.message, {
      extensions: {
        code: 'BAD_USER_INPUT',
        field: error.field,
        messageKey: error.text.key,
        messageParams: error.text.params,
        ...localized(error.text),
      },
    });
  }
  if (error instanceof NotAuthenticatedError) {
    return new GraphQLError(error.message, {
      extensions: { code: 'UNAUTHENTICATED', ...localized(error.text) },
    });
  }
  if (error instanceof AccessDeniedError) {
    return new GraphQLError(error.message, {
      extensions: { code: 'FORBIDDEN', ...localized(error.text) },
    });
  }
  if (error instanceof NotFoundError) {
    return new GraphQLError(error.message, {
      extensions: { code: 'NOT_FOUND', ...localized(error.text) },
    });
  }
  return null;
}
