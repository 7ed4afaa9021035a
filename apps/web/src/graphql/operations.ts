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
          description
          startsAt
          endsAt
          timeZone
          language
          status
          isRegistrationOpen
          registrationOpensAt
          registrationClosesAt
          seatsLeft
          waitlistEnabled
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

export const RegisterMutation = graphql(`
  mutation WebRegister($input: RegisterInput!) {
    register(input: $input) {
      __typename
      ... on RegistrationSuccess {
        manageToken
        registration {
          id
          status
        }
      }
      ... on WorkshopFullError {
        message
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
          capacity
          capacityWarning
        }
      }
      ... on InputInvalidError {
        field
        message
      }
      ... on RegistrationClosedError {
        closedAt
      }
      ... on RegistrationNotOpenError {
        opensAt
      }
      ... on ErrorResult {
        errorCode
        message
      }
    }
  }
`);

export const MyRegistrationQuery = graphql(`
  query WebMyRegistration($token: String!) {
    myRegistration(manageToken: $token) {
      id
      status
      firstName
      lastName
      email
      organization
      jobTitle
      accessibilityNeeds
      dietaryNeeds
      calendarUrl
      workshops {
        id
        number
        title
        room
        phase {
          id
          title
          startsAt
          endsAt
        }
      }
      event {
        id
        slug
      }
    }
  }
`);

export const UpdateRegistrationMutation = graphql(`
  mutation WebUpdateRegistration($token: String!, $input: UpdateRegistrationInput!) {
    updateRegistration(manageToken: $token, input: $input) {
      __typename
      ... on Registration {
        id
        status
        firstName
        lastName
        email
        organization
        jobTitle
        accessibilityNeeds
        dietaryNeeds
        calendarUrl
        workshops {
          id
          number
          title
          room
          phase {
            id
            title
            startsAt
            endsAt
          }
        }
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
      ... on RegistrationClosedError {
        closedAt
      }
      ... on ErrorResult {
        errorCode
        message
      }
    }
  }
`);

export const CancelRegistrationMutation = graphql(`
  mutation WebCancelRegistration($token: String!) {
    cancelRegistration(manageToken: $token) {
      __typename
      ... on Registration {
        id
        status
      }
      ... on RegistrationClosedError {
        closedAt
      }
      ... on ErrorResult {
        errorCode
        message
      }
    }
  }
`);

export const RequestManageLinkMutation = graphql(`
  mutation WebRequestManageLink($input: RequestManageLinkInput!) {
    requestManageLink(input: $input) {
      __typename
      ... on ManageLinkRequested {
        message
      }
      ... on InputInvalidError {
        field
        message
      }
    }
  }
`);
