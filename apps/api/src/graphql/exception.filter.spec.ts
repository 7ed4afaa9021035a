import { describe, expect, it, jest } from '@jest/globals';
import { Logger, type ArgumentsHost } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { UnexpectedErrorFilter } from './exception.filter.js';

function host(type: string, req: object = {}, res: object = {}): ArgumentsHost {
  return {
    getType: () => type,
    switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }),
  } as unknown as ArgumentsHost;
}

describe('UnexpectedErrorFilter', () => {
  it('hands GraphQL errors back to Apollo without logging them', () => {
    const log = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const error = new GraphQLError('denied', { extensions: { code: 'FORBIDDEN' } });
    expect(new UnexpectedErrorFilter().catch(error, host('graphql'))).toBe(error);
    expect(new UnexpectedErrorFilter().catch('odd', host('graphql'))).toEqual(new Error('odd'));
    expect(log).not.toHaveBeenCalled();
    log.mockRestore();
  });

  it('answers an unexpected HTTP error with a reference and logs it redacted', () => {
    const logged: unknown[] = [];
    const log = jest
      .spyOn(Logger.prototype, 'error')
      .mockImplementation((...args: unknown[]) => void logged.push(args));
    const sent: Record<string, unknown> = {};
    const res = {
      headersSent: false,
      status(code: number) {
        sent.status = code;
        return this;
      },
      json(body: unknown) {
        sent.body = body;
        return this;
      },
    };
    new UnexpectedErrorFilter().catch(
      new Error('no calendar for anna@example.org'),
      host('http', { id: 'req-9' }, res),
    );
    expect(sent).toEqual({
      status: 500,
      body: { statusCode: 500, message: 'Internal server error. Reference: req-9' },
    });
    expect(JSON.stringify(logged)).toContain('no calendar for [email]');
    expect(JSON.stringify(logged)).not.toContain('anna@');
    log.mockRestore();
  });
});
