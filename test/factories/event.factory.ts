import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { AgendaItem, AgendaItemKind, Event, EventStatus, Workshop } from '@fachtag/events';
import { Organizer } from '@fachtag/organizers';

export interface EventFixtureOptions {
  /** Event capacity; null (default) for no limit. */
  capacity?: number | null;
  /** One array per workshop phase, with the capacity of each of its workshops. */
  phases?: number[][];
  status?: EventStatus;
  waitlistEnabled?: boolean;
  opensAt?: Date | null;
  closesAt?: Date;
  seatsTaken?: number;
  language?: string;
}

export interface EventFixture {
  event: Event;
  organizer: Organizer;
  /** Workshop phases in agenda order. */
  phases: AgendaItem[];
  /** Workshops per phase, by number. */
  workshops: Workshop[][];
}

/** An organizer row (password hash is a placeholder: tests here do not log in). */
export async function createOrganizerFixture(em: EntityManager): Promise<Organizer> {
  const organizer = em.create(Organizer, {
    email: `orga-${randomUUID()}@test.example`,
    name: 'Test Organizer',
    passwordHash: 'not-a-real-hash',
  });
  await em.flush();
  return organizer;
}

/**
 * A published event 60 days from now (UTC day, as the registration cutoff 30
 * days from now is on the same clock) with a welcome talk and the given workshop
 * phases, written through the ORM (no API mutation involved).
 */
export async function createEventFixture(
  em: EntityManager,
  options: EventFixtureOptions = {},
): Promise<EventFixture> {
  const organizer = await createOrganizerFixture(em);
  const on = new Date(Date.now() + 60 * 86_400_000);
  const day = (h: number) =>
    new Date(Date.UTC(on.getUTCFullYear(), on.getUTCMonth(), on.getUTCDate(), h));
  const event = em.create(Event, {
    slug: `fachtag-${randomUUID()}`,
    title: 'Transferforum',
    startsAt: day(7),
    endsAt: day(16),
    organizerName: 'Test e.V.',
    status: options.status ?? EventStatus.PUBLISHED,
    capacity: options.capacity ?? null,
    seatsTaken: options.seatsTaken ?? 0,
    waitlistEnabled: options.waitlistEnabled ?? true,
    registrationOpensAt: options.opensAt ?? null,
    registrationClosesAt: options.closesAt ?? new Date(Date.now() + 30 * 86_400_000),
    language: options.language ?? 'de',
    owner: organizer,
  });
  em.create(AgendaItem, {
    event,
    kind: AgendaItemKind.WELCOME,
    title: 'Begrüßung',
    startsAt: day(7),
    endsAt: day(8),
  });
  const phases: AgendaItem[] = [];
  const workshops: Workshop[][] = [];
  let number = 1;
  (options.phases ?? []).forEach((capacities, p) => {
    const phase = em.create(AgendaItem, {
      event,
      kind: AgendaItemKind.WORKSHOP_PHASE,
      title: `Arbeitsphase ${p + 1}`,
      startsAt: day(9 + 2 * p),
      endsAt: day(10 + 2 * p),
    });
    phases.push(phase);
    workshops.push(
      capacities.map((capacity) =>
        em.create(Workshop, {
          event,
          phase,
          number: number,
          title: `Workshop ${number++}`,
          capacity,
        }),
      ),
    );
  });
  await em.flush();
  return { event, organizer, phases, workshops };
}
