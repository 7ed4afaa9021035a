import { graphql } from '../gql';

export const EventListQuery = graphql(`
  query WebEventList($after: String) {
    events(first: 50, after: $after) {
      edges {
        node {
          id
          slug
          title
          subtitle
          startsAt
          endsAt
          timeZone
          language
          status
          isRegistrationOpen
          registrationClosesAt
          venue {
            name
            city
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const EventPageQuery = graphql(`
  query WebEventPage($slug: String!) {
    event(slug: $slug) {
      id
      slug
      title
      subtitle
      description
      startsAt
      endsAt
      timeZone
      language
      status
      costNote
      organizerName
      contactEmail
      capacity
      seatsLeft
      capacityStatus
      waitlistEnabled
      waitlistCount
      isRegistrationOpen
      registrationOpensAt
      registrationClosesAt
      calendarUrl
      venue {
        name
        street
        postalCode
        city
        country
      }
      agenda {
        id
        kind
        title
        subtitle
        description
        startsAt
        endsAt
        room
        speakers {
          name
          affiliation
        }
        workshops {
          id
          number
          title
          subtitle
          description
          room
          capacity
          seatsLeft
          capacityStatus
          capacityWarning
          hosts {
            name
            affiliation
          }
        }
      }
    }
  }
`);
