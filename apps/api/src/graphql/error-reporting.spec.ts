import { describe, expect, it } from '@jest/globals';
import { ApolloServer } from '@apollo/server';
import { errorReportingPlugin, formatGraphqlError } from './error-reporting.js';
import { msg } from '@fachtag/common';
import { badInput, forbidden, notFound, unauthenticated } from './errors.js';

const typeDefs =
  'type Query { boom: String, denied: String, missing: String, invalid: String, anonymous: String }';
const resolvers = {
  Query: {
    boom: () => {
      throw new Error(
        'duplicate key value for anna@example.org with token 9fK2mZ7qR4xW1vB8nC3dE6gH0jL5pT2s',
      );
    },
    denied: () => {
      throw forbidden();
    },
    missing: () => {
      throw notFound('Event', 'x');
    },
    invalid: () => {
      throw badInput(['participant', 'email'], msg('input.email', { field: 'participant.email' }));
    },
    anonymous: () => {
      throw unauthenticated();
    },
  },
};

function setup(production: boolean) {
  const logged: Array<{ entry: Record<string, unknown>; message: string }> = [];
  const server = new ApolloServer({
    typeDefs,
    resolvers,
    plugins: [errorReportingPlugin],
    formatError: formatGraphqlError(production),
    includeStacktraceInErrorResponses: true,
  });
  const req = {
    id: 'req-123',
    log: {
      error: (entry: Record<string, unknown>, message: string) => logged.push({ entry, message }),
    },
  };
  const run = async (query: string) => {
    const res = await server.executeOperation({ query }, { contextValue: { req } });
    return res.body.kind === 'single' ? res.body.singleResult : undefined;
  };
  return { run, logged };
}

describe('error reporting', () => {
  it('turns an unexpected error into a generic message with the request id, logged redacted', async () => {
    const { run, logged } = setup(true);
    const result = await run('{ boom }');
    expect(result?.errors).toEqual([
      {
        message: 'Internal server error. Reference: req-123',
        path: ['boom'],
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-123' },
      },
    ]);
    expect(logged).toHaveLength(1);
    expect(logged[0].message).toBe('unexpected GraphQL error');
    expect(logged[0].entry).toMatchObject({
      requestId: 'req-123',
      path: 'boom',
      error: { type: 'Error', message: 'duplicate key value for [email] with token [token]' },
    });
    expect(JSON.stringify(logged)).not.toMatch(/anna@|9fK2mZ7/);
    expect(String((logged[0].entry.error as { stack: string }).stack)).toMatch(
      /error-reporting\.spec/,
    );
  });

  it('keeps the real message outside production, still with the reference and no stack', async () => {
    const { run } = setup(false);
    const result = await run('{ boom }');
    expect(result?.errors?.[0].message).toMatch(/^duplicate key value .* \(reference: req-123\)$/);
    expect(result?.errors?.[0].extensions).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
      requestId: 'req-123',
    });
  });

  it.each([
    ['denied', 'FORBIDDEN'],
    ['missing', 'NOT_FOUND'],
    ['invalid', 'BAD_USER_INPUT'],
    ['anonymous', 'UNAUTHENTICATED'],
  ])(
    'passes the expected error of %s through unchanged, without logging it',
    async (field, code) => {
      const { run, logged } = setup(true);
      const result = await run(`{ ${field} }`);
      expect(result?.errors?.[0].extensions?.code).toBe(code);
      expect(result?.errors?.[0].extensions?.stacktrace).toBeUndefined();
      expect(result?.errors?.[0].message).not.toMatch(/Internal server error/);
      expect(logged).toEqual([]);
    },
  );

  it('strips schema hints from messages in production', async () => {
    const { run } = setup(true);
    const result = await run('{ boo }');
    expect(result?.errors?.[0].message).toBe('Cannot query field "boo" on type "Query".');
    expect(result?.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
