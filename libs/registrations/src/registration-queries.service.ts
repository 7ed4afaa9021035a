import { Injectable } from '@nestjs/common';
import { EntityManager, type FilterQuery } from '@mikro-orm/core';
import { decodePosition, encodePosition, Workshop } from '@fachtag/events';
import { workshopAlternatives } from '@fachtag/seating';
import type { Outcome, RegistrationResult } from './registration-failure.js';
import { Registration, RegistrationStatus } from './registration.entity.js';
import { sameHash, sha256 } from './tokens.js';
import { readHistory, type HistoryEntry } from './history-store.js';

/** Filters of the organizers' registration list; every one optional. */
export interface RegistrationFilter {
  status?: RegistrationStatus | null;
  /** Words each found in the name, e-mail address or organisation (case-insensitive). */
  search?: string | null;
  /** Only registrations holding (or, waiting, wishing for) this workshop. */
  workshopId?: string | null;
}

/** One page of an event's registrations (Relay-style cursor pagination). */
export interface RegistrationPage {
  edges: { cursor: string; node: Registration }[];
  hasNextPage: boolean;
  endCursor: string | null;
  totalCount: number;
}

const POPULATE = ['event', 'choices.workshop', 'choices.phase'] as const;

/** Reads registrations for the API, with event and workshops loaded in one go. */
@Injectable()
export class RegistrationQueriesService {
  constructor(private readonly em: EntityManager) {}

  /** The registration behind a manage token (hash lookup), carrying the token; else null. */
  async findByManageToken(manageToken: string): Promise<Registration | null> {
    if (manageToken.length === 0 || manageToken.length > 200) return null;
    const hash = sha256(manageToken);
    const registration = await this.em
      .fork()
      .findOne(Registration, { manageTokenHash: hash }, { populate: POPULATE });
    if (!registration || !sameHash(registration.manageTokenHash, hash)) return null;
    registration.manageToken = manageToken;
    return registration;
  }

  /** A registration for a response, loaded fresh after its unit of work committed. */
  async load(id: string, manageToken?: string): Promise<Registration> {
    const registration = await this.em
      .fork()
      .findOneOrFail(Registration, { id }, { populate: POPULATE });
    if (manageToken) registration.manageToken = manageToken;
    return registration;
  }

  /**
   * A registration for a mutation's answer: its row only, loaded fresh after the
   * unit of work committed. Its event and workshops are loaded when the answer
   * asks for them (`RegistrationFieldsResolver`), so an answer of id and status
   * costs one indexed read and no hydration of the event and its programme.
   */
  async loadRow(id: string, manageToken?: string): Promise<Registration> {
    const registration = await this.em.fork().findOneOrFail(Registration, { id });
    if (manageToken) registration.manageToken = manageToken;
    return registration;
  }

  /** Turns a unit of work's outcome into the API's answer, loading entities fresh. */
  async present(outcome: Outcome<string>, manageToken?: string): Promise<RegistrationResult> {
    if (outcome.ok)
      return { ok: true, registration: await this.loadRow(outcome.value, manageToken) };
    const failure = outcome.failure;
    if (failure.kind !== 'WORKSHOP_FULL') return { ok: false, failure };
    const em = this.em.fork();
    const workshop = await em.findOneOrFail(Workshop, failure.workshopId);
    const phase = await em.find(Workshop, { phase: workshop.phase });
    const seats = (w: Workshop) => ({ ...w, phaseId: workshop.phase.id });
    const alternatives = workshopAlternatives(phase.map(seats), workshop.id).map(
      (a) => phase.find((w) => w.id === a.id) as Workshop,
    );
    return { ok: false, failure: { kind: 'WORKSHOP_FULL', workshop, alternatives } };
  }

  /**
   * The registration a calendar URL names, by its read-only calendar token.
   * Calendar links get shared with calendar services: they never carry the
   * manage token, and a manage token finds nothing here.
   */
  async findForCalendar(token: string): Promise<Registration | null> {
    return this.em.fork().findOne(Registration, { calendarToken: token }, { populate: POPULATE });
  }

  /**
   * Every registration of an event with its workshops, oldest first: for lists
   * and exports, which need the whole event at once (a Fachtag has hundreds).
   */
  async allOfEvent(eventId: string): Promise<Registration[]> {
    return this.em
      .fork()
      .find(
        Registration,
        { event: eventId },
        { populate: ['choices'], orderBy: { createdAt: 'asc', id: 'asc' } },
      );
  }

  /** A registration's history, oldest first. */
  history(registrationId: string): Promise<HistoryEntry[]> {
    return readHistory(this.em.fork(), registrationId);
  }

  /** The event of a registration (null when the id is unknown), for authorization. */
  async eventOf(registrationId: string): Promise<string | null> {
    const found = await this.em
      .fork()
      .findOne(Registration, { id: registrationId }, { fields: ['event'] });
    return found?.event.id ?? null;
  }

  /** The event's waiting list in its order: who is promoted first comes first. */
  async waitingList(eventId: string): Promise<Registration[]> {
    return this.em
      .fork()
      .find(
        Registration,
        { event: eventId, status: RegistrationStatus.WAITLISTED },
        { populate: POPULATE, orderBy: { waitlistPosition: 'asc', id: 'asc' } },
      );
  }

  /** An event's registrations, oldest first, filtered (status, words, workshop). */
  async list(
    eventId: string,
    first: number,
    after: string | null,
    filter: RegistrationStatus | RegistrationFilter | null,
  ): Promise<RegistrationPage> {
    const em = this.em.fork();
    const f: RegistrationFilter =
      typeof filter === 'string' || filter === null ? { status: filter } : filter;
    const where: FilterQuery<Registration> = {
      event: eventId,
      ...(f.status ? { status: f.status } : {}),
      ...(f.workshopId ? { choices: { workshop: f.workshopId } } : {}),
      ...searchFilter(f.search),
    };
    // a cursor that is not ours is refused (InvalidInputError at `after`), never passed to SQL
    const position = after ? decodeCursor(after) : null;
    const page = await em.find(
      Registration,
      position
        ? {
            ...where,
            $or: [
              { createdAt: { $gt: position.createdAt } },
              { createdAt: position.createdAt, id: { $gt: position.id } },
            ],
          }
        : where,
      { populate: POPULATE, orderBy: { createdAt: 'asc', id: 'asc' }, limit: first + 1 },
    );
    const totalCount = await em.count(Registration, where);
    const nodes = page.slice(0, first);
    const edges = nodes.map((node) => ({ cursor: encodeCursor(node), node }));
    return {
      edges,
      hasNextPage: page.length > first,
      endCursor: edges.at(-1)?.cursor ?? null,
      totalCount,
    };
  }
}

/** Every word must occur in the first or last name, the e-mail address or the organisation. */
function searchFilter(search: string | null | undefined): { $and?: FilterQuery<Registration>[] } {
  const words = (search ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 10);
  if (words.length === 0) return {};
  return {
    $and: words.map((word) => {
      const like = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      return {
        $or: [
          { firstName: { $ilike: like } },
          { lastName: { $ilike: like } },
          { email: { $ilike: like } },
          { organization: { $ilike: like } },
        ],
      };
    }),
  };
}

function encodeCursor(r: Registration): string {
  return encodePosition({ at: r.createdAt, id: r.id });
}

/** Decodes `after`; throws InvalidInputError (field `after`) for a cursor this server did not make. */
export function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const { at, id } = decodePosition(cursor);
  return { createdAt: at, id };
}
