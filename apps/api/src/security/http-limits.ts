import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import { LIMIT } from './rate-limit-rules.js';
import type { RateLimiter } from './rate-limiter.js';

interface BodyParserError {
  type?: string;
  status?: number;
}

/** Status and code of a body-parser failure, or undefined for errors that are not the client's. */
export function bodyErrorResponse(
  error: unknown,
  maxBytes: number,
): { status: number; code: string; message: string } | undefined {
  const { type, status } = (error ?? {}) as BodyParserError;
  if (type === 'entity.too.large') {
    return {
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: `Request body too large: at most ${Math.floor(maxBytes / 1024)} kB.`,
    };
  }
  if (type === 'entity.parse.failed') {
    return { status: 400, code: 'BAD_REQUEST', message: 'Request body is not valid JSON.' };
  }
  if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
    return {
      status: 415,
      code: 'BAD_REQUEST',
      message: 'Unsupported charset or content encoding.',
    };
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { status, code: 'BAD_REQUEST', message: 'The request body could not be read.' };
  }
  return undefined;
}

function graphqlContentType(req: Request): string {
  return req.accepts(['application/json', 'application/graphql-response+json']) ===
    'application/graphql-response+json'
    ? 'application/graphql-response+json; charset=utf-8'
    : 'application/json; charset=utf-8';
}

/**
 * JSON body parsing with a size limit. Failures are answered here as GraphQL
 * errors with a code (413 PAYLOAD_TOO_LARGE, 400 BAD_REQUEST), instead of
 * Express' HTML error page, which would carry a stack trace outside production.
 */
export function jsonBodyParser(maxBytes: number): RequestHandler {
  const parse = express.json({ limit: maxBytes });
  return (req: Request, res: Response, next: NextFunction) => {
    parse(req, res, (error?: unknown) => {
      const refusal = error ? bodyErrorResponse(error, maxBytes) : undefined;
      if (!error) return next();
      if (!refusal) return next(error);
      // the unread rest of a too large body must not be taken for the next request
      res.set('connection', 'close');
      res
        .status(refusal.status)
        .type(graphqlContentType(req))
        .send(
          JSON.stringify({
            errors: [{ message: refusal.message, extensions: { code: refusal.code } }],
          }),
        );
    });
  };
}

/** Limits look-ups of participants' calendar feeds by manage token (429 RATE_LIMITED). */
export function calendarRateLimit(limiter: RateLimiter): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    limiter.take(LIMIT.token, req.ip).then((decision) => {
      if (decision.allowed) return next();
      (req as Request & { log?: { warn(o: object, m: string): void } }).log?.warn(
        { limit: LIMIT.token, route: 'calendar' },
        'rate limit reached',
      );
      const seconds = Math.max(1, decision.retryAfterSeconds);
      res
        .status(429)
        .set('retry-after', String(seconds))
        .json({
          statusCode: 429,
          code: 'RATE_LIMITED',
          message: `Too many requests: at most ${decision.perMinute} look-ups per minute from one address. Retry in ${seconds} s.`,
        });
    }, next);
  };
}
