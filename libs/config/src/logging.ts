import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from './config.js';

// Tokens travel in URL paths (calendar feeds) and headers; none may reach a log file.
const SECRET_PATH = /(\/calendar\/registrations\/)[^/?#]+/g;

// Personal data and secrets under these keys never reach the log, whoever logs
// an object carrying them (a participant, a login attempt, a mail job).
const SENSITIVE_KEYS = [
  'email',
  'password',
  'token',
  'accessToken',
  'manageToken',
  'authorization',
  'variables',
];

/** pino `redact` paths: headers, and the sensitive keys at the top and one level down. */
export const REDACTED_PATHS = [
  'req.headers',
  'res.headers',
  ...SENSITIVE_KEYS,
  ...SENSITIVE_KEYS.map((key) => `*.${key}`),
];

/** Strips query strings and secrets from a URL before it is logged. */
export function redactUrl(url: string | undefined): string {
  return (url ?? '').split('?')[0].replace(SECRET_PATH, '$1[redacted]');
}

/** pino-http options: a request id per request, no personal data, no secrets. */
export function loggerParams(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const incoming = req.headers['x-request-id'];
        const id =
          typeof incoming === 'string' && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: redactUrl(req.url),
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      redact: { paths: REDACTED_PATHS, remove: true },
      autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' },
      transport:
        config.nodeEnv === 'development' && process.stdout.isTTY
          ? { target: 'pino-pretty', options: { singleLine: true } }
          : undefined,
    },
  };
}
