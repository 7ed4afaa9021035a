import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

// RFC 3339 / ISO 8601 with a mandatory offset: a bare local time would be
// ambiguous, and every instant of an event must be unambiguous.
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|([+-])(\d{2}):(\d{2}))$/;

/** The instants the API accepts: years 0001–9999 in UTC, which JavaScript and PostgreSQL both hold exactly. */
export const DATE_TIME_MIN = new Date('0001-01-01T00:00:00.000Z');
export const DATE_TIME_MAX = new Date('9999-12-31T23:59:59.999Z');

const EXAMPLE = 'e.g. 2018-06-19T09:00:00+02:00';

function refuse(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

function daysInMonth(year: number, month: number): number {
  // the Gregorian calendar repeats every 400 years: 2000 + year % 400 has the same leap years
  return new Date(Date.UTC(2000 + (year % 400), month, 0)).getUTCDate();
}

/**
 * Parses an RFC 3339 instant strictly: every part in its range (no 30 February,
 * no hour 24, no second 60), an offset of at most ±23:59, and the instant within
 * {@link DATE_TIME_MIN}–{@link DATE_TIME_MAX}. JavaScript's `Date` would roll
 * 2027-02-30 over to 2 March; this refuses it.
 */
export function parseInstant(value: unknown): Date {
  const match = typeof value === 'string' ? ISO_INSTANT.exec(value) : null;
  if (!match) {
    throw refuse(`DateTime must be an ISO-8601 instant with offset, ${EXAMPLE}`);
  }
  const [, y, mo, d, h, mi, s = '00', fraction = '', zone, sign, oh = '00', om = '00'] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const real =
    year >= 1 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    Number(h) <= 23 &&
    Number(mi) <= 59 &&
    Number(s) <= 59 &&
    Number(oh) <= 23 &&
    Number(om) <= 59;
  if (!real) throw refuse(`DateTime '${String(value)}' is not a real date and time`);
  const millis = fraction ? Math.floor(Number(`0${fraction}`) * 1000) : 0;
  const local = Date.UTC(2000, month - 1, day, Number(h), Number(mi), Number(s), millis);
  // Date.UTC maps years 0–99 to 1900–1999: set the year explicitly
  const utc = new Date(local);
  utc.setUTCFullYear(year, month - 1, day);
  const offsetMinutes = zone === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  const date = new Date(utc.getTime() - offsetMinutes * 60_000);
  if (date < DATE_TIME_MIN || date > DATE_TIME_MAX) {
    throw refuse(`DateTime '${String(value)}' lies outside the years 0001–9999 (UTC)`);
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
  parseValue: parseInstant,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw refuse('DateTime must be a string');
    return parseInstant(ast.value);
  },
});
