import { graphql } from '../gql';

// Operations of the console's event editor, overview and accounts pages (issue 13).

export const AdminManagedEvents = graphql(`
  query AdminManagedEvents {
    managedEvents(first: 100, includePast: true) {
      totalCount
      edges {
        node {
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
          registrationCount
          agendaWarnings {
            code
            blocksPublishing
          }
        }
      }
    }
  }
`);

export const AdminEditEvent = graphql(`
  query AdminEditEvent($id: ID!) {
    event(id: $id) {
      id
      slug
      title
      subtitle
      description
      status
      timeZone
      language
      startsAt
      endsAt
      venue {
        name
        street
        postalCode
        city
        country
      }
      organizerName
      contactEmail
      costNote
      capacity
      waitlistEnabled
      registrationOpensAt
      registrationClosesAt
      capacityWarningThreshold
      cancelReason
      registrationCount
    }
  }
`);

export const AdminUpdateEvent = graphql(`
  mutation AdminUpdateEvent($id: ID!, $input: UpdateEventInput!) {
    updateEvent(id: $id, input: $input) {
      id
      slug
      title
      status
    }
  }
`);

export const AdminCopyEvent = graphql(`
  mutation AdminCopyEvent($id: ID!, $newStartDate: String!) {
    copyEvent(id: $id, newStartDate: $newStartDate) {
      id
      title
    }
  }
`);

export const AdminUnpublishEvent = graphql(`
  mutation AdminUnpublishEvent($id: ID!) {
    unpublishEvent(id: $id) {
      id
      status
    }
  }
`);

export const AdminCancelEvent = graphql(`
  mutation AdminCancelEvent($id: ID!, $reason: String) {
    cancelEvent(id: $id, reason: $reason) {
      id
      status
      cancelReason
    }
  }
`);

export const AdminChangePassword = graphql(`
  mutation AdminChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      id
    }
  }
`);

export const AdminOrganizers = graphql(`
  query AdminOrganizers {
    organizers {
      id
      name
      email
      isAdmin
      deactivatedAt
    }
  }
`);

export const AdminCreateOrganizer = graphql(`
  mutation AdminCreateOrganizer(
    $email: String!
    $name: String!
    $password: String!
    $isAdmin: Boolean!
  ) {
    createOrganizer(email: $email, name: $name, password: $password, isAdmin: $isAdmin) {
      id
    }
  }
`);

export const AdminDeactivateOrganizer = graphql(`
  mutation AdminDeactivateOrganizer($id: ID!) {
    deactivateOrganizer(id: $id) {
      id
      deactivatedAt
    }
  }
`);

export const AdminReactivateOrganizer = graphql(`
  mutation AdminReactivateOrganizer($id: ID!) {
    reactivateOrganizer(id: $id) {
      id
      deactivatedAt
    }
  }
`);
