import { Injectable } from '@nestjs/common';
import { AgendaItemKind, EventsReader, type Event } from '@fachtag/events';
import type { ExportData, ExportRegistration, ExportRegistrationStatus } from '@fachtag/exports';
import { RegistrationQueriesService, type Registration } from '@fachtag/registrations';
import type { SpeakerData } from '@fachtag/events';

function printed(person: SpeakerData): string {
  return person.affiliation ? `${person.name} (${person.affiliation})` : person.name;
}

/**
 * Reads one event with its agenda, workshops and registrations into the plain
 * {@link ExportData} the export builders work from. Authorization is the
 * caller's job (the controller checks it before asking).
 */
@Injectable()
export class ExportDataService {
  constructor(
    private readonly events: EventsReader,
    private readonly registrations: RegistrationQueriesService,
  ) {}

  /** The event's lists' data; null when no event has this id. */
  async load(eventId: string): Promise<{ event: Event; data: ExportData } | null> {
    const batch = this.events.batch();
    const [event] = await batch.eventsByIds([eventId]);
    if (!event) return null;
    const [agenda] = await batch.agendaByEventIds([event.id]);
    const phases = (agenda ?? []).filter((item) => item.kind === AgendaItemKind.WORKSHOP_PHASE);
    const workshopsByPhase = await batch.workshopsByPhaseIds(phases.map((p) => p.id));
    const rows = await this.registrations.allOfEvent(event.id);
    return {
      event,
      data: {
        event: {
          title: event.title,
          slug: event.slug,
          startsAt: event.startsAt,
          endsAt: event.endsAt,
          timeZone: event.timeZone,
          venue: event.venue
            ? {
                name: event.venue.name,
                street: event.venue.street ?? null,
                postalCode: event.venue.postalCode ?? null,
                city: event.venue.city,
              }
            : null,
          organizerName: event.organizerName,
        },
        phases: phases.map((p) => ({
          id: p.id,
          title: p.title,
          startsAt: p.startsAt,
          endsAt: p.endsAt,
        })),
        workshops: workshopsByPhase.flat().map((w) => ({
          id: w.id,
          phaseId: w.phase.id,
          number: w.number,
          title: w.title,
          room: w.room,
          capacity: w.capacity,
          hosts: w.hosts.map(printed),
        })),
        registrations: withWaitlistRanks(rows),
      },
    };
  }
}

/** Plain rows; the waiting list's order as 1, 2, 3 … (the stored position only orders). */
function withWaitlistRanks(rows: readonly Registration[]): ExportRegistration[] {
  const waiting = rows
    .filter((r) => r.waitlistPosition !== null && r.status === 'WAITLISTED')
    .sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0));
  const rank = new Map(waiting.map((r, i) => [r.id, i + 1]));
  return rows.map((r) => ({
    id: r.id,
    status: r.status as ExportRegistrationStatus,
    firstName: r.firstName,
    lastName: r.lastName,
    email: r.email,
    organization: r.organization,
    jobTitle: r.jobTitle,
    accessibilityNeeds: r.accessibilityNeeds,
    dietaryNeeds: r.dietaryNeeds,
    registeredAt: r.createdAt,
    waitlistPosition: rank.get(r.id) ?? null,
    workshopIds: r.choices.getItems().map((c) => c.workshop.id),
  }));
}
