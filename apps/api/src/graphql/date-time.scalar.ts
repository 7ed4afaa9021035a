import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

// RFC 3339 / ISO 8601 with a mandatory offset: a bare local time would be
// ambiguous, and every instant of an event must be unambiguous.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function parse(value: unknown): Date {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) {
    throw new GraphQLError(
      'DateTime must be an ISO-8601 instant with offset, e.g. 2018-06-19T09:00:00+02:00',
      { extensions: { code: 'BAD_USER_INPUT' } },
    );
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new GraphQLError(`DateTime '${value}' is not a real date`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return date;
}

/** The DateTime scalar of the contract: output in UTC (`…Z`), input with any offset. */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description:
    'An instant, ISO-8601 with offset, e.g. 2018-06-19T09:00:00+02:00 or 2018-06-19T07:00:00.000Z.',
  serialize(value) {
    const date = value instanceof Date ? value : new Date(String(value));
    return date.toISOString();
  },
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError('DateTime must be a string', {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return parse(ast.value);
  },
});
