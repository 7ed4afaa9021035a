import { randomUUID } from 'node:crypto';
import { graphqlClient } from './graphql-client.js';

export const ORGANIZER = { email: 'bench@fachtag.localhost', password: 'bench password 123' };

export const AGENDA_QUERY = `query ($slug: String!) {
  event(slug: $slug) {
    id slug title startsAt endsAt isRegistrationOpen capacity seatsTaken seatsLeft capacityStatus waitlistCount
    venue { name street postalCode city }
    agenda {
      id kind title subtitle startsAt endsAt room speakers { name affiliation }
      workshops {
        id number title subtitle room capacity seatsTaken seatsLeft capacityStatus capacityWarning
        hosts { name affiliation }
      }
    }
  }
}`;

const REGISTER = `mutation ($input: RegisterInput!) {
  register(input: $input) { __typename ... on RegistrationSuccess { registration { id status } } }
}`;

export interface BenchEvent {
  id: string;
  slug: string;
  /** Workshop ids per phase. */
  phases: string[][];
}

/** Logs in as the configured organizer. */
export async function login(baseUrl: string): Promise<string> {
  const gql = graphqlClient(baseUrl);
  const data = await gql<{ login: { accessToken: string } }>(
    `mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { ... on LoginSuccess { accessToken } } }`,
    { e: ORGANIZER.email, p: ORGANIZER.password },
  );
  return data.login.accessToken;
}

/**
 * A published event like the Transferforum: two phases of five workshops, with
 * enough seats that nobody is refused.
 */
export async function createBenchEvent(baseUrl: string, token: string): Promise<BenchEvent> {
  const gql = graphqlClient(baseUrl);
  // two months ahead, so registration is open whenever the benchmark runs
  const date = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  const at = (hm: string) => `${date}T${hm}:00+02:00`;
  const { createEvent } = await gql<{ createEvent: { id: string; slug: string } }>(
    `mutation ($input: CreateEventInput!) { createEvent(input: $input) { id slug } }`,
    {
      input: {
        slug: `bench-${randomUUID().slice(0, 8)}`,
        title: 'Transferforum (Benchmark)',
        startsAt: at('09:00'),
        endsAt: at('16:30'),
        organizerName: 'Deutsche Kinder- und Jugendstiftung',
        registrationClosesAt: at('08:00'),
        venue: {
          name: 'KOMED im MediaPark',
          street: 'Im Mediapark 7',
          postalCode: '50670',
          city: 'Köln',
        },
        capacity: null,
      },
    },
    token,
  );
  const phases: string[][] = [];
  for (const [start, end] of [
    ['11:30', '13:00'],
    ['14:00', '15:45'],
  ]) {
    const { addAgendaItem } = await gql<{ addAgendaItem: { id: string } }>(
      `mutation ($id: ID!, $input: AgendaItemInput!) { addAgendaItem(eventId: $id, input: $input) { id } }`,
      {
        id: createEvent.id,
        input: {
          kind: 'WORKSHOP_PHASE',
          title: `Arbeitsphase ${start}`,
          startsAt: at(start),
          endsAt: at(end),
        },
      },
      token,
    );
    const ids: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const { addWorkshop } = await gql<{ addWorkshop: { id: string } }>(
        `mutation ($id: ID!, $input: WorkshopInput!) { addWorkshop(phaseId: $id, input: $input) { id } }`,
        {
          id: addAgendaItem.id,
          input: {
            title: `Workshop ${i}`,
            capacity: 100_000,
            room: `Raum ${i}`,
            hosts: [{ name: 'Dagmar Bremer', affiliation: 'Stadt Magdeburg' }],
          },
        },
        token,
      );
      ids.push(addWorkshop.id);
    }
    phases.push(ids);
  }
  await gql(`mutation ($id: ID!) { publishEvent(id: $id) { id } }`, { id: createEvent.id }, token);
  return { id: createEvent.id, slug: createEvent.slug, phases };
}

/** One registration over GraphQL; true when confirmed. */
export async function registerOne(baseUrl: string, event: BenchEvent, i: number, tag: string) {
  const gql = graphqlClient(baseUrl);
  const data = await gql<{ register: { __typename: string } }>(REGISTER, {
    input: {
      eventId: event.id,
      privacyConsent: true,
      participant: { firstName: 'Bench', lastName: `No ${i}`, email: `${tag}-${i}@bench.example` },
      workshopIds: event.phases.map((ws) => ws[i % ws.length]),
    },
  });
  return data.register.__typename === 'RegistrationSuccess';
}
