import type { TestApp } from '../harness/index.js';

/** Instants on a day in the future: hm('09:00') is 09:00 Berlin summer time (07:00Z). */
export function day(daysAhead = 60): (hm: string) => string {
  const d = new Date(Date.now() + daysAhead * 86_400_000);
  const date = d.toISOString().slice(0, 10);
  return (hm: string) => new Date(`${date}T${hm}:00+02:00`).toISOString();
}

export const EVENT_FIELDS = `id slug title subtitle status timeZone language startsAt endsAt capacity seatsTaken
  seatsLeft capacityStatus waitlistEnabled waitlistCount capacityWarningThreshold isRegistrationOpen calendarUrl
  registrationOpensAt registrationClosesAt organizerName costNote contactEmail venue { name street postalCode city country }`;

/** A valid CreateEventInput for a day `daysAhead` from now; override what a test needs. */
export function eventInput(
  daysAhead = 60,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const at = day(daysAhead);
  return {
    title: 'Transferforum: Wie Zusammenarbeit in der Kommune Integration ermöglicht',
    startsAt: at('09:00'),
    endsAt: at('16:30'),
    organizerName: 'Deutsche Kinder- und Jugendstiftung',
    registrationClosesAt: new Date(new Date(at('09:00')).getTime() - 21 * 86_400_000).toISOString(),
    venue: {
      name: 'KOMED im MediaPark',
      street: 'Im Mediapark 7',
      postalCode: '50670',
      city: 'Köln',
    },
    capacity: 120,
    ...overrides,
  };
}

export interface CreatedEvent {
  id: string;
  slug: string;
  [key: string]: unknown;
}

export async function createEvent(
  t: TestApp,
  token: string,
  overrides: Record<string, unknown> = {},
  daysAhead = 60,
): Promise<CreatedEvent> {
  const data = await t.data<{ createEvent: CreatedEvent }>(
    `mutation($input: CreateEventInput!) { createEvent(input: $input) { ${EVENT_FIELDS} } }`,
    { input: eventInput(daysAhead, overrides) },
    { token },
  );
  return data.createEvent;
}

export async function publish(t: TestApp, token: string, id: string): Promise<void> {
  await t.data(`mutation($id: ID!) { publishEvent(id: $id) { id } }`, { id }, { token });
}

export async function addItem(
  t: TestApp,
  token: string,
  eventId: string,
  input: Record<string, unknown>,
): Promise<{ id: string }> {
  const data = await t.data<{ addAgendaItem: { id: string } }>(
    `mutation($eventId: ID!, $input: AgendaItemInput!) { addAgendaItem(eventId: $eventId, input: $input) { id } }`,
    { eventId, input },
    { token },
  );
  return data.addAgendaItem;
}

export async function addWorkshop(
  t: TestApp,
  token: string,
  phaseId: string,
  input: Record<string, unknown>,
): Promise<{ id: string; number: number }> {
  const data = await t.data<{ addWorkshop: { id: string; number: number } }>(
    `mutation($phaseId: ID!, $input: WorkshopInput!) { addWorkshop(phaseId: $phaseId, input: $input) { id number } }`,
    { phaseId, input },
    { token },
  );
  return data.addWorkshop;
}
