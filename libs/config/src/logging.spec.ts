import { Writable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { REDACTED_PATHS, redactUrl } from './logging.js';

describe('log redaction', () => {
  it('drops personal data and secrets under well-known keys, at the top and one level down', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = pino({ redact: { paths: REDACTED_PATHS, remove: true } }, sink);
    logger.info(
      {
        email: 'anna@example.org',
        participant: { email: 'anna@example.org', lastName: 'Schmidt' },
        job: { manageToken: 'secret-token', registrationId: 'r1' },
        login: { password: 'hunter2!', accessToken: 'eyJ.x.y' },
        variables: { x: 1 },
      },
      'something happened',
    );
    const line = lines.join('');
    expect(line).not.toMatch(/anna@|secret-token|hunter2|eyJ|"variables"/);
    expect(line).toContain('"registrationId":"r1"');
  });

  it('strips query strings and calendar tokens from URLs', () => {
    expect(redactUrl('/calendar/registrations/abc123.ics?x=1')).toBe(
      '/calendar/registrations/[redacted]',
    );
    expect(redactUrl('/graphql?query={viewer{id}}')).toBe('/graphql');
  });
});
