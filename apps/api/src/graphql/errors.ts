import { GraphQLError } from 'graphql';
import { msg, render, type Msg, type Thing } from '@fachtag/common';
import { localized } from './localize.js';

/** Codes of thrown GraphQL errors (`extensions.code`); expected failures are union members instead. */
export type ThrownErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'PUBLISHING_BLOCKED'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR';

export function unauthenticated(text: Msg = msg('auth.required', {})): GraphQLError {
  return new GraphQLError(render(text, 'en'), {
    extensions: { code: 'UNAUTHENTICATED', ...localized(text) },
  });
}

export function forbidden(text: Msg = msg('auth.notYourEvent', {})): GraphQLError {
  return new GraphQLError(render(text, 'en'), {
    extensions: { code: 'FORBIDDEN', ...localized(text) },
  });
}

export function notFound(what: Thing, id: string): GraphQLError {
  const text = msg('notFound', { what, id });
  return new GraphQLError(render(text, 'en'), {
    extensions: { code: 'NOT_FOUND', ...localized(text) },
  });
}

/** Invalid organizer input; `field` is the path of the offending input field. */
export function badInput(field: string[], text: Msg): GraphQLError {
  return new GraphQLError(render(text, 'en'), {
    extensions: { code: 'BAD_USER_INPUT', field, ...localized(text) },
  });
}
