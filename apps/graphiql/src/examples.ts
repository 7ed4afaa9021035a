/**
 * The tabs GraphiQL opens with: the demo's example operations (README's API
 * sections), so a developer can run them against the demo event at once.
 */
export interface ExampleTab {
  query: string;
  variables?: string;
}

const events = `# Published events that are not over yet. Ctrl+Enter runs an operation.
query Events {
  events(first: 10) {
    totalCount
    edges {
      node {
        id
        slug
        title
        startsAt
        registrationClosesAt
        isRegistrationOpen
        seatsLeft
      }
    }
  }
}
`;

const agenda = `# One event with its programme; workshops show seats and the capacity warning.
query Agenda($slug: String!) {
  event(slug: $slug) {
    id
    title
    timeZone
    venue {
      name
      city
    }
    agenda {
      kind
      title
      startsAt
      endsAt
      speakers {
        name
        affiliation
      }
      workshops {
        id
        number
        title
        room
        seatsLeft
        capacityStatus
        capacityWarning
      }
    }
  }
}
`;

const register = `# Take the event id and one workshop id per phase from the Agenda tab.
mutation Register($input: RegisterInput!) {
  register(input: $input) {
    __typename
    ... on RegistrationSuccess {
      manageToken
      registration {
        status
        workshops {
          number
          title
        }
      }
    }
    ... on WorkshopFullError {
      message
      alternatives {
        id
        number
        title
        seatsLeft
      }
    }
    ... on ErrorResult {
      errorCode
      message
    }
  }
}
`;

const registerVariables = {
  input: {
    eventId: '<event id>',
    participant: {
      firstName: 'Erika',
      lastName: 'Mustermann',
      email: 'erika@example.org',
      organization: 'Stadt Köln',
    },
    workshopIds: ['<workshop of phase 1>', '<workshop of phase 2>'],
    privacyConsent: true,
  },
};

export function exampleTabs(demoSlug: string): ExampleTab[] {
  return [
    { query: events },
    { query: agenda, variables: JSON.stringify({ slug: demoSlug }, null, 2) },
    { query: register, variables: JSON.stringify(registerVariables, null, 2) },
  ];
}
