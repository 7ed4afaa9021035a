import { Catch, HttpException, Logger, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Request, Response } from 'express';
import { domainErrorToGraphQL } from './format-error.js';
import { redactSecrets } from './redact.js';

/**
 * Replaces Nest's default exception logging, which writes every error thrown in
 * a resolver (expected ones too, and database errors quoting e-mail addresses)
 * to the log unredacted. GraphQL errors go back to Apollo (the domain's
 * expected refusals translated to codes first), where
 * errorReportingPlugin logs the unexpected ones once, redacted. Unexpected HTTP
 * errors (calendar feeds) are logged redacted and answered with a reference.
 */
@Catch()
export class UnexpectedErrorFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('HTTP');

  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') {
      const expected = domainErrorToGraphQL(exception);
      if (expected) return expected;
      return exception instanceof Error ? exception : new Error(String(exception));
    }
    if (exception instanceof HttpException || host.getType() !== 'http') {
      return super.catch(exception, host);
    }
    const req = host.switchToHttp().getRequest<Request & { id?: unknown }>();
    const res = host.switchToHttp().getResponse<Response>();
    const requestId = typeof req.id === 'string' ? req.id : 'unknown';
    const error = exception instanceof Error ? exception : new Error(String(exception));
    this.logger.error(
      {
        requestId,
        // not `err`: pino's error serializer would rewrite this plain object
        error: {
          type: error.name,
          message: redactSecrets(error.message),
          stack: redactSecrets(error.stack ?? ''),
        },
      },
      'unexpected HTTP error',
    );
    if (!res.headersSent) {
      res
        .status(500)
        .json({ statusCode: 500, message: `Internal server error. Reference: ${requestId}` });
    }
    return undefined;
  }
}
