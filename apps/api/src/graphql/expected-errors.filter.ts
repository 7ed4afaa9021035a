import { Catch, type ExceptionFilter } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { InvalidInputError, NotFoundError } from '../../../../libs/events/src/index.js';
import { AccessDeniedError, NotAuthenticatedError } from '../../../../libs/organizers/src/index.js';

/**
 * Expected refusals (bad input, not logged in, not allowed, not found) are
 * answers to the client, not server failures: hand them to GraphQL without
 * Nest logging them as errors. `formatError` gives them their codes.
 */
@Catch(InvalidInputError, NotAuthenticatedError, AccessDeniedError, NotFoundError, GraphQLError)
export class ExpectedErrorsFilter implements ExceptionFilter {
  catch(exception: Error): Error {
    // graphql-js turns an Error returned by a resolver into a field error
    return exception;
  }
}
