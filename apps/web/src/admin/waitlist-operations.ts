import { graphql } from '../gql';

/** The desk's seats per workshop with their waiting wishes, and the waiting list in its order. */
export const DeskWaitlist = graphql(`
  query DeskWaitlist($id: ID!) {
    event(id: $id) {
      id
      timeZone
      capacity
      seatsTaken
      agenda {
        id
        title
        workshops {
          id
          number
          title
          room
          capacity
          seatsTaken
          waitingCount
        }
      }
    }
    waitingList(eventId: $id) {
      id
      firstName
      lastName
      organization
      createdAt
      workshops {
        id
        number
        title
      }
    }
  }
`);

export const DeskPromoteRegistration = graphql(`
  mutation DeskPromoteRegistration($id: ID!, $workshopIds: [ID!], $addSeats: Boolean) {
    promoteRegistration(id: $id, workshopIds: $workshopIds, addSeats: $addSeats) {
      __typename
      ... on Registration {
        id
        status
        workshops {
          id
          number
          title
        }
      }
      ... on ErrorResult {
        errorCode
        message
      }
    }
  }
`);
