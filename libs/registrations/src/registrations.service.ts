import { isUuid } from '@fachtag/common';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { participantMayChange, registrationWindow } from '@fachtag/events';
import { MailQueue } from '@fachtag/mail';
import {
  checkIdempotencyKey,
  checkPrivacyConsent,
  validateParticipant,
  validateWorkshopSelection,
  type CleanParticipant,
  type ParticipantData,
} from './domain/index.js';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  purgeIdempotencyRecords,
  requestFingerprint,
} from './idempotency.js';
import {
  asOutcome,
  refuse,
  type Outcome,
  type RegistrationFailure,
  type RegistrationResult,
} from './registration-failure.js';
import { RegistrationQueriesService } from './registration-queries.service.js';
import { activeRegistrationFor, insertRegistration } from './registration-store.js';
import { RegistrationStatus } from './registration.entity.js';
import {
  eventWorkshops,
  insertChoices,
  lockEvent,
  moveWorkshopSeats,
  seatMoves,
  takeEventSeatForNewcomer,
  type Choice,
  type LockedEvent,
} from '@fachtag/seating';
import { newCalendarToken, newManageToken, sha256 } from './tokens.js';

export interface RegisterCommand {
  eventId: string;
  participant: ParticipantData;
  workshopIds: string[];
  privacyConsent: boolean;
  idempotencyKey?: string | null;
}

/** A registration together with its clear manage token (known only to this request). */
export interface Registered {
  registrationId: string;
  manageToken: string;
}

/** New registrations: validation, seats, waiting list, idempotency. */
@Injectable()
export class RegistrationsService {
  constructor(
    private readonly em: EntityManager,
    private readonly mail: MailQueue,
    private readonly queries: RegistrationQueriesService,
  ) {}

  /**
   * Registers a participant in one transaction: claims the idempotency key,
   * locks the event, checks window and selection, takes seats by conditional
   * updates (or waitlists), inserts the registration and its mail job.
   */
  async register(command: RegisterCommand): Promise<RegistrationResult> {
    const outcome = await this.registerUnit(command);
    if (!outcome.ok) return this.queries.present(outcome);
    const { registrationId, manageToken } = outcome.value;
    return this.queries.present({ ok: true, value: registrationId }, manageToken);
  }

  private async registerUnit(command: RegisterCommand): Promise<Outcome<Registered>> {
    const participant = validateParticipant(command.participant);
    if (!participant.ok)
      return { ok: false, failure: { kind: 'INPUT_INVALID', ...participant.problem } };
    const problem =
      checkPrivacyConsent(command.privacyConsent) ?? checkIdempotencyKey(command.idempotencyKey);
    if (problem) return { ok: false, failure: { kind: 'INPUT_INVALID', ...problem } };
    if (!isUuid(command.eventId)) return { ok: false, failure: unknownEvent() };
    return asOutcome(() =>
      this.em.fork().transactional(async (em) => {
        const key = command.idempotencyKey;
        if (key) {
          const claim = await claimIdempotencyKey(em, key, fingerprint(command));
          if (claim.kind === 'replay') return claim;
          if (claim.kind === 'conflict') refuse(idempotencyConflict());
          await purgeIdempotencyRecords(em);
        }
        const registered = await this.registerLocked(em, command, participant.value);
        if (key)
          await completeIdempotencyKey(em, key, registered.registrationId, registered.manageToken);
        return registered;
      }),
    );
  }

  private async registerLocked(
    em: EntityManager,
    command: RegisterCommand,
    participant: CleanParticipant,
  ): Promise<Registered> {
    const event = await lockEvent(em, command.eventId);
    if (!event) refuse(unknownEvent());
    checkOpen(event);
    const { phases } = await eventWorkshops(em, event.id);
    const selection = validateWorkshopSelection(phases, command.workshopIds);
    if (!selection.ok) refuse({ kind: 'INVALID_SELECTION', message: selection.message });
    // a duplicate e-mail is found by the insert below (unique index); checking first
    // would cost a statement while every other registration of the event waits
    const status = await this.decideStatus(em, event, participant.emailNormalized);
    const manageToken = newManageToken();
    const id = await insertRegistration(em, {
      eventId: event.id,
      status,
      participant,
      manageTokenHash: sha256(manageToken),
      calendarToken: newCalendarToken(),
    });
    if (id === null) refuse({ kind: 'ALREADY_REGISTERED' });
    if (status === RegistrationStatus.CONFIRMED) {
      await moveSeatsOrRefuse(em, event.id, [], selection.choices);
    }
    await insertChoices(em, id, selection.choices);
    const kind =
      status === RegistrationStatus.CONFIRMED
        ? 'registration.confirmed'
        : 'registration.waitlisted';
    await this.mail.enqueue(em, { kind, registrationId: id, manageToken });
    return { registrationId: id, manageToken };
  }

  /** CONFIRMED when the event seat is taken; WAITLISTED or EventFullError when none is left. */
  private async decideStatus(
    em: EntityManager,
    event: LockedEvent,
    emailNormalized: string,
  ): Promise<RegistrationStatus.CONFIRMED | RegistrationStatus.WAITLISTED> {
    if (await takeEventSeatForNewcomer(em, event.id)) return RegistrationStatus.CONFIRMED;
    if (event.waitlistEnabled) return RegistrationStatus.WAITLISTED;
    // someone already registered hears that, not that the event is full
    if (await activeRegistrationFor(em, event.id, emailNormalized)) {
      refuse({ kind: 'ALREADY_REGISTERED' });
    }
    return refuse({ kind: 'EVENT_FULL' });
  }
}

/** Refuses unless the event accepts registrations now (published, inside its window). */
export function checkOpen(event: LockedEvent, change = false): void {
  const now = new Date();
  // a cancelled event closed when it was cancelled (its last update)
  const input = { ...event, cancelledAt: event.status === 'CANCELLED' ? event.updatedAt : null };
  const window = registrationWindow(input, now);
  if (window.state === 'NOT_PUBLISHED') refuse(unknownEvent());
  if (change && participantMayChange(input, now)) return;
  if (window.state === 'CLOSED') refuse({ kind: 'CLOSED', closedAt: window.closedAt });
  if (window.state === 'NOT_OPEN') refuse({ kind: 'NOT_OPEN', opensAt: window.opensAt });
}

/**
 * Moves workshop seats from `current` to `next` in id order; a full workshop
 * refuses (rolling back every seat moved).
 */
export async function moveSeatsOrRefuse(
  em: EntityManager,
  eventId: string,
  current: readonly Choice[],
  next: readonly Choice[],
): Promise<void> {
  const ids = (choices: readonly Choice[]) => choices.map((c) => c.workshopId);
  const full = await moveWorkshopSeats(em, seatMoves(ids(current), ids(next)));
  // alternatives are computed after the rollback, from the seats others see
  if (full !== null) refuse({ kind: 'WORKSHOP_FULL', workshopId: full });
}

export function unknownEvent(): RegistrationFailure {
  return {
    kind: 'INPUT_INVALID',
    field: ['eventId'],
    message: 'No open event has this id.',
  };
}

function idempotencyConflict(): RegistrationFailure {
  return {
    kind: 'INPUT_INVALID',
    field: ['idempotencyKey'],
    message: 'This idempotencyKey was already used for a different registration request.',
  };
}

function fingerprint(command: RegisterCommand): string {
  const p = command.participant;
  return requestFingerprint([
    command.eventId,
    [p.firstName, p.lastName, p.email, p.organization ?? null, p.jobTitle ?? null],
    [p.accessibilityNeeds ?? null, p.dietaryNeeds ?? null],
    [...command.workshopIds].sort(),
    command.privacyConsent,
  ]);
}
