import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { InvalidInputError, NotFoundError } from '../../../../libs/events/src/index.js';
import { AccessDeniedError, NotAuthenticatedError } from '../../../../libs/organizers/src/index.js';

function withCode(
  formatted: GraphQLFormattedError,
  message: string,
  extensions: Record<string, unknown>,
): GraphQLFormattedError {
  return { message, locations: formatted.locations, path: formatted.path, extensions };
}

/**
 * Turns the domain's errors into GraphQL errors with `extensions.code` (and
 * `extensions.field` for invalid input). The libs know nothing of GraphQL.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof InvalidInputError) {
    return withCode(formatted, original.message, { code: 'BAD_USER_INPUT', field: original.field });
  }
  if (original instanceof NotAuthenticatedError) {
    return withCode(formatted, original.message, { code: 'UNAUTHENTICATED' });
  }
  if (original instanceof AccessDeniedError) {
    return withCode(formatted, original.message, { code: 'FORBIDDEN' });
  }
  if (original instanceof NotFoundError) {
    return withCode(formatted, original.message, { code: 'NOT_FOUND' });
  }
  return formatted;
}
