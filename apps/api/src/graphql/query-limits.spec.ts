import { describe, expect, it } from '@jest/globals';
import { buildSchema, parse, validate } from 'graphql';
import { QUERY_LIMITS, queryLimitOptions } from './query-limits.js';

// armor's rules look only at the document's shape (fields, fragments, literal
// `first`), so the queries of the contract (../shared/docs/api-contract.graphql)
// are checked before every field exists; unknown fields are not their concern.
const schema = buildSchema('type Query { viewer: String }');

function problems(query: string): string[] {
  const document = parse(query, { maxTokens: QUERY_LIMITS.maxTokens });
  return validate(schema, document, queryLimitOptions(true).validationRules).map((e) => e.message);
}

const AGENDA = `query Agenda($slug: String) {
  event(slug: $slug) {
    id slug title subtitle description status timeZone startsAt endsAt
    venue { name street postalCode city country }
    organizerName contactEmail costNote registrationOpensAt registrationClosesAt isRegistrationOpen
    capacity seatsTaken seatsLeft capacityStatus waitlistEnabled waitlistCount capacityWarningThreshold calendarUrl
    agenda {
      id kind title subtitle description startsAt endsAt room
      speakers { name affiliation }
      workshops {
        id number title subtitle description room capacity seatsTaken seatsLeft capacityStatus capacityWarning
        hosts { name affiliation }
        phase { id title startsAt endsAt }
      }
    }
  }
}`;

const REGISTER = `mutation Register($input: RegisterInput!) {
  register(input: $input) {
    __typename
    ... on RegistrationSuccess {
      manageToken
      registration { id status event { title agenda { title workshops { title hosts { name } phase { title } } } } }
    }
    ... on WorkshopFullError { errorCode message workshop { id title } alternatives { id title seatsLeft phase { title } } }
    ... on ErrorResult { errorCode message }
    ... on InputInvalidError { field }
  }
}`;

const REGISTRATIONS = `query Registrations($eventId: ID!) {
  registrations(eventId: $eventId, first: 50) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id status firstName lastName email organization jobTitle createdAt updatedAt calendarUrl
      workshops { id number title room phase { id title startsAt endsAt } hosts { name } }
      event { id title agenda { id title workshops { id title hosts { name affiliation } } } }
    } }
  }
}`;

const EVENTS_WITH_AGENDAS = `{
  events(first: 100) { totalCount edges { node {
    id slug title startsAt endsAt venue { name city } capacityStatus seatsLeft
    agenda { id kind title startsAt endsAt speakers { name affiliation }
      workshops { id number title capacityStatus seatsLeft hosts { name } } }
  } } }
}`;

describe('query limits against the contract', () => {
  it.each([
    ['the full agenda query', AGENDA],
    ['register with every result member', REGISTER],
    ['an organizer listing 50 registrations with their event agenda', REGISTRATIONS],
    ['100 events with their agendas', EVENTS_WITH_AGENDAS],
  ])('let %s through', (_, query) => {
    expect(problems(query)).toEqual([]);
  });

  it('refuse cycling through workshops and phases, which multiplies the response', () => {
    const cycle = `{ event(slug: "x") { agenda { workshops { phase { workshops { phase { workshops { phase { workshops { id } } } } } } } } } }`;
    expect(problems(cycle)).toEqual([expect.stringMatching(/depth limit of 8 exceeded, found 10/)]);
  });

  it('refuse asking for a thousand events with their agendas', () => {
    expect(problems(EVENTS_WITH_AGENDAS.replace('first: 100', 'first: 1000'))).toEqual([
      expect.stringMatching(/Cost limit of 20000 exceeded/),
    ]);
  });
});
