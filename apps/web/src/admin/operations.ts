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
        startsAt
        endsAt
        room
        description
        speakers {
          name
          affiliation
        }
        workshops {
          id
          number
          title
          description
          room
          capacity
          seatsTaken
          hosts {
            name
            affiliation
          }
        }
      }
    }
    allRegistrations: registrations(eventId: $id, first: 1) {
      totalCount
    }
  }
`);

export const AdminCancelRegistration = graphql(`
  mutation AdminCancelRegistration($id: ID!, $reason: String) {
    cancelRegistrationAsOrganizer(id: $id, reason: $reason) {
      id
      status
    }
  }
`);

export const AdminLocalTimes = graphql(`
  query AdminLocalTimes($timeZone: String!, $localTimes: [String!]!) {
    localTimesToInstants(timeZone: $timeZone, localTimes: $localTimes)
  }
`);

export const AdminAddAgendaItem = graphql(`
  mutation AdminAddAgendaItem($eventId: ID!, $input: AgendaItemInput!) {
    addAgendaItem(eventId: $eventId, input: $input) {
      id
    }
  }
`);

export const AdminUpdateAgendaItem = graphql(`
  mutation AdminUpdateAgendaItem($id: ID!, $input: UpdateAgendaItemInput!) {
    updateAgendaItem(id: $id, input: $input) {
      id
    }
  }
`);

export const AdminUpdateWorkshop = graphql(`
  mutation AdminUpdateWorkshop($id: ID!, $input: UpdateWorkshopInput!) {
    updateWorkshop(id: $id, input: $input) {
      id
    }
  }
`);

export const AdminRemoveAgendaItem = graphql(`
  mutation AdminRemoveAgendaItem($id: ID!) {
    removeAgendaItem(id: $id)
  }
`);

export const AdminAddWorkshop = graphql(`
  mutation AdminAddWorkshop($phaseId: ID!, $input: WorkshopInput!) {
    addWorkshop(phaseId: $phaseId, input: $input) {
      id
    }
  }
`);

export const AdminRemoveWorkshop = graphql(`
  mutation AdminRemoveWorkshop($id: ID!) {
    removeWorkshop(id: $id)
  }
`);

export const AdminPublishEvent = graphql(`
  mutation AdminPublishEvent($id: ID!) {
    publishEvent(id: $id) {
      id
      status
    }
  }
`);

export const AdminCreateEvent = graphql(`
  mutation AdminCreateEvent($input: CreateEventInput!) {
    createEvent(input: $input) {
      id
    }
  }
`);

export const AdminMoveRegistration = graphql(`
  mutation AdminMoveRegistration($id: ID!, $workshopId: ID!) {
    moveRegistration(id: $id, workshopId: $workshopId) {
      __typename
      ... on Registration {
        id
        workshops {
          id
          number
        }
      }
      ... on ErrorResult {
        errorCode
        message
      }
    }
  }
`);

export const AdminRegistration = graphql(`
  query AdminRegistration($id: ID!) {
    registration(id: $id) {
      id
      status
      firstName
      lastName
      email
      organization
      jobTitle
      accessibilityNeeds
      dietaryNeeds
      mailStatus
      createdAt
      workshops {
        id
        number
        title
      }
      history {
        id
        at
        kind
        actor
        organizerName
        reason
        mail
        failure
        fromWorkshops {
          number
        }
        toWorkshops {
          number
        }
      }
    }
  }
`);

export const AdminResendMail = graphql(`
  mutation AdminResendMail($id: ID!) {
    resendRegistrationMail(id: $id) {
      __typename
      ... on ErrorResult {
        message
      }
    }
  }
`);

export const AdminRegistrations = graphql(`
  query AdminRegistrations(
    $eventId: ID!
    $search: String
    $status: RegistrationStatus
    $workshopId: ID
    $first: Int!
    $after: String
  ) {
    registrations(
      eventId: $eventId
      search: $search
      status: $status
      workshopId: $workshopId
      first: $first
      after: $after
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
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

export const AdminOnBehalfEvent = graphql(`
  query AdminOnBehalfEvent($id: ID!) {
    event(id: $id) {
      id
      organizerName
      timeZone
      seatsLeft
      waitlistEnabled
      waitlistCount
      agenda {
        id
        kind
        title
        startsAt
        endsAt
        workshops {
          id
          number
          title
          room
          capacity
          seatsLeft
          capacityStatus
          capacityWarning
        }
      }
    }
  }
`);

export const AdminRegisterOnBehalf = graphql(`
  mutation AdminRegisterOnBehalf($eventId: ID!, $input: RegisterOnBehalfInput!) {
    registerOnBehalf(eventId: $eventId, input: $input) {
      __typename
      ... on Registration {
        id
        status
        firstName
        lastName
        email
      }
      ... on WorkshopFullError {
        workshop {
          id
          number
          title
          phase {
            id
          }
        }
        alternatives {
          id
          number
          title
          seatsLeft
        }
      }
      ... on InputInvalidError {
        field
        message
      }
    }
  }
`);
