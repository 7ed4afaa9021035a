import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { domainErrorToGraphQL } from './format-error.js';
import { redactSecrets } from './redact.js';

/**
 * Codes of errors the API raises on purpose, or that describe a bad request.
 * They reach the client unchanged; anything else is an unexpected error.
 */
export const EXPECTED_ERROR_CODES: ReadonlySet<string> = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'PUBLISHING_BLOCKED',
  'RATE_LIMITED',
  'BAD_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** The context fields read here: the Express request with pino-http's id and logger. */
interface RequestContext {
  req?: { id?: unknown; log?: { error(object: object, message: string): void } };
}

const isClientStatus = (status: unknown) =>
  typeof status === 'number' && status >= 400 && status < 500;

/**
 * True for errors raised on purpose: a known code, an HTTP status below 500
 * set by Apollo (request errors without a code), or a Nest HTTP exception below 500.
 */
export function isExpectedError(error: unknown): boolean {
  if (!(error instanceof GraphQLError)) return false;
  if (domainErrorToGraphQL(error.originalError)) return true;
  const code = error.extensions?.code;
  if (typeof code === 'string' && EXPECTED_ERROR_CODES.has(code)) return true;
  const http = error.extensions?.http as { status?: unknown } | undefined;
  if (isClientStatus(http?.status)) return true;
  return isClientStatus((error.originalError as { status?: unknown } | undefined)?.status);
}

// Unexpected errors of a request, keyed by error, with the request id the client sees.
const correlation = new WeakMap<object, string>();
const fallbackLogger = new Logger('GraphQL');

/** The log entry of an unexpected error: redacted message and stack, never variables or query. */
export function errorLogEntry(error: GraphQLError, requestId: string): Record<string, unknown> {
  const cause = error.originalError ?? error;
  const detail = (cause as { detail?: unknown }).detail;
  return {
    requestId,
    path: error.path?.join('.'),
    // not `err`: pino's error serializer would rewrite this plain object
    error: {
      type: cause.name,
      message: redactSecrets(cause.message),
      stack: redactSecrets(cause.stack ?? ''),
      ...(typeof detail === 'string' ? { detail: redactSecrets(detail) } : {}),
    },
  };
}

function logUnexpected(error: GraphQLError, requestId: string, context?: RequestContext): void {
  const entry = errorLogEntry(error, requestId);
  if (context?.req?.log) context.req.log.error(entry, 'unexpected GraphQL error');
  else fallbackLogger.error(entry, 'unexpected GraphQL error');
}

/**
 * Logs every unexpected error once, with the request id (the `x-request-id`
 * response header), so {@link formatGraphqlError} can hand that id to the client.
 */
export const errorReportingPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart(): Promise<GraphQLRequestListener<RequestContext>> {
    return {
      async didEncounterErrors({ errors, contextValue }) {
        const id = contextValue.req?.id;
        const requestId = typeof id === 'string' && id ? id : randomUUID();
        for (const error of errors) {
          if (isExpectedError(error) || correlation.has(error)) continue;
          correlation.set(error, requestId);
          logUnexpected(error, requestId, contextValue);
        }
      },
    };
  },
};

const SUGGESTION = / ?Did you mean [^?]*\??/g;

/**
 * Apollo `formatError`: expected errors pass (in production without "Did you
 * mean" hints that reveal the schema); unexpected ones become a generic message
 * with the request id as correlation id, the real error is in the server log.
 * No stack traces ever: the log has them.
 */
export function formatGraphqlError(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // field resolvers bypass Nest's exception filters: translate domain refusals here too
    const domain = error instanceof GraphQLError ? domainErrorToGraphQL(error.originalError) : null;
    if (domain) {
      const { locations, path } = formatted;
      return { message: domain.message, locations, path, extensions: domain.extensions };
    }
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    if (isExpectedError(error)) {
      return {
        ...formatted,
        message: production ? formatted.message.replace(SUGGESTION, '') : formatted.message,
        extensions,
      };
    }
    let requestId = error instanceof Object ? correlation.get(error) : undefined;
    if (requestId === undefined) {
      requestId = randomUUID();
      if (error instanceof GraphQLError) logUnexpected(error, requestId);
      else fallbackLogger.error({ requestId }, 'unexpected GraphQL error of unknown shape');
    }
    return {
      message: production
        ? `Internal server error. Reference: ${requestId}`
        : `${formatted.message} (reference: ${requestId})`,
      ...(formatted.path ? { path: formatted.path } : {}),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
    };
  };
}
