import { graphql } from '../gql';

export const AdminLogin = graphql(`
  mutation AdminLogin($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      __typename
      ... on LoginSuccess {
        accessToken
        organizer {
          id
          name
          email
          isAdmin
        }
      }
      ... on ErrorResult {
        errorCode
        message
      }
    }
  }
`);

export const AdminEvents = graphql(`
  query AdminEvents {
    events(first: 100) {
      totalCount
      edges {
        node {
          id
          slug
          title
          status
          startsAt
          timeZone
          capacity
          seatsTaken
          waitlistCount
          agendaWarnings {
            code
            blocksPublishing
          }
        }
      }
    }
  }
`);

export const AdminEvent = graphql(`
  query AdminEvent($id: ID!) {
    event(id: $id) {
      id
      slug
      title
      status
      startsAt
      endsAt
      timeZone
      capacity
      seatsTaken
      waitlistCount
      agendaWarnings {
        code
        message
        blocksPublishing
      }
      agenda {
        id
        kind
        title
        workshops {
          id
          number
          title
          room
          capacity
          seatsTaken
        }
      }
    }
    registrations(eventId: $id, first: 200) {
      totalCount
      edges {
        node {
          id
          status
          firstName
          lastName
          email
          organization
          mailStatus
          createdAt
          workshops {
            id
            number
          }
        }
      }
    }
  }
`);

export const AdminCancelRegistration = graphql(`
  mutation AdminCancelRegistration($id: ID!) {
    cancelRegistrationAsOrganizer(id: $id) {
      id
      status
    }
  }
`);
