import { GraphQLError } from 'graphql';

/** Codes of thrown GraphQL errors (`extensions.code`); expected failures are union members instead. */
export type ThrownErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'PUBLISHING_BLOCKED'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR';

export function unauthenticated(
  message = 'Log in as an organizer first (Authorization: Bearer <accessToken>).',
): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } });
}

export function forbidden(message = 'This organizer may not manage that event.'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

export function notFound(what: string, id: string): GraphQLError {
  return new GraphQLError(`${what} '${id}' does not exist.`, { extensions: { code: 'NOT_FOUND' } });
}

/** Invalid organizer input; `field` is the path of the offending input field. */
export function badInput(field: string[], message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field } });
}
