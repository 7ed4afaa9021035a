import { randomUUID } from 'node:crypto';
import { isUuid, msg } from '@fachtag/common';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@fachtag/config';
import { EntityManager } from '@mikro-orm/core';
import { transaction } from '@fachtag/database';
import { MailQueue } from '@fachtag/mail';
import {
  checkIdempotencyKey,
  checkPrivacyConsent,
  validateParticipant,
  validateWorkshopSelection,
  type CleanParticipant,
  type ParticipantData,
} from './domain/index.js';
import { IDEMPOTENCY_RETENTION_HOURS, requestFingerprint } from './idempotency.js';
import {
  type Outcome,
  type RegistrationFailure,
  type RegistrationResult,
} from './registration-failure.js';
import { RegistrationQueriesService } from './registration-queries.service.js';
import {
  admission,
  admit,
  readAdmissionSnapshot,
  type AdmissionRefusal,
  type IdempotentRecord,
} from '@fachtag/seating';
import { setRegisteringActor, type HistoryActor } from './history-store.js';
import {
  deriveManageToken,
  manageTokenKey,
  newCalendarToken,
  openToken,
  sealToken,
  sha256,
} from './tokens.js';

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
  private readonly tokenKey: Buffer;

  constructor(
    private readonly em: EntityManager,
    private readonly mail: MailQueue,
    private readonly queries: RegistrationQueriesService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.tokenKey = manageTokenKey(config.jwtSecret);
  }

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

  /**
   * An organizer registers someone on their behalf: the participants' path (same
   * validation, seats, waiting list, mail with calendar file and manage link),
   * but also before the opening and after the cutoff; never for a draft or a
   * cancelled event. The history's first entry names `actor`.
   */
  async registerOnBehalf(
    command: RegisterCommand,
    actor: HistoryActor,
  ): Promise<RegistrationResult> {
    const outcome = await this.registerUnit(command, actor);
    if (!outcome.ok) return this.queries.present(outcome);
    return this.queries.present({ ok: true, value: outcome.value.registrationId });
  }

  private async registerUnit(
    command: RegisterCommand,
    onBehalf: HistoryActor | null = null,
  ): Promise<Outcome<Registered>> {
    const participant = validateParticipant(command.participant);
    if (!participant.ok)
      return { ok: false, failure: { kind: 'INPUT_INVALID', ...participant.problem } };
    const problem =
      checkPrivacyConsent(command.privacyConsent) ?? checkIdempotencyKey(command.idempotencyKey);
    if (problem) return { ok: false, failure: { kind: 'INPUT_INVALID', ...problem } };
    if (!isUuid(command.eventId)) return { ok: false, failure: unknownEvent() };
    const em = this.em.fork();
    // decided on a snapshot, applied in one call under the event's lock; a premise
    // that no longer holds there means someone changed the numbers: decide again
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await this.tryRegister(em, command, participant.value, onBehalf);
      if (outcome !== 'RETRY') return outcome;
      if (attempt === MAX_ATTEMPTS)
        throw new Error(`register: no stable decision in ${attempt} tries`);
    }
  }

  private async tryRegister(
    em: EntityManager,
    command: RegisterCommand,
    participant: CleanParticipant,
    onBehalf: HistoryActor | null,
  ): Promise<Outcome<Registered> | 'RETRY'> {
    const key = command.idempotencyKey;
    const requestHash = fingerprint(command);
    const snapshot = await readAdmissionSnapshot(
      em,
      command.eventId,
      participant.emailNormalized,
      key ? sha256(key) : null,
    );
    if (!snapshot) return { ok: false, failure: unknownEvent() };
    // a retry with the same key answers as the first request did, whatever changed since
    if (key && snapshot.idempotent) return replay(snapshot.idempotent, requestHash, key);
    const selection = validateWorkshopSelection(snapshot.phases, command.workshopIds);
    const chosen = selection.ok ? selection.choices.map((c) => c.workshopId) : [];
    const seen = snapshot.input.event;
    if (onBehalf && seen.status !== 'PUBLISHED')
      return { ok: false, failure: notRegistrable(seen.status) };
    const decision = admission({
      ...snapshot.input,
      // organizers register also before the opening and after the cutoff
      event: onBehalf ? { ...seen, registrationOpensAt: null, registrationClosesAt: NEVER } : seen,
      workshops: snapshot.workshops.filter((w) => chosen.includes(w.id)),
    });
    if (decision.kind === 'REFUSED' && WINDOW_REFUSALS.has(decision.refusal.kind))
      return { ok: false, failure: admissionFailure(decision.refusal) };
    if (!selection.ok)
      return { ok: false, failure: { kind: 'INVALID_SELECTION', text: selection.text } };
    if (decision.kind === 'REFUSED')
      return { ok: false, failure: admissionFailure(decision.refusal) };
    const id = randomUUID();
    // derived from the new id under the server secret: the worker derives it again
    // when it sends, so the mail job need not (and does not) carry it
    const manageToken = deriveManageToken(this.tokenKey, id);
    const mailJob = await this.mail.jobStatement({
      kind: decision.kind === 'CONFIRMED' ? 'registration.confirmed' : 'registration.waitlisted',
      registrationId: id,
    });
    const write = (tx: EntityManager) =>
      admit(tx, {
        id,
        eventId: command.eventId,
        status: decision.kind,
        participant,
        manageTokenHash: sha256(manageToken),
        calendarToken: newCalendarToken(),
        choices: selection.choices,
        mailJob,
        idempotency: key
          ? {
              keyHash: sha256(key),
              requestHash,
              result: { sealedToken: sealToken(manageToken, key) },
              retentionHours: IDEMPOTENCY_RETENTION_HOURS,
            }
          : null,
        seen,
        // the window is not the organizers' premise: their decision holds at any time
        premise: onBehalf ? { ...decision.premise, validUntil: Infinity } : decision.premise,
      });
    // one call (and one statement) for participants; an organizer's registration
    // first names the actor for the deferred trigger that writes the first history entry
    const outcome = onBehalf
      ? await transaction(em, async (tx) => {
          await setRegisteringActor(tx, onBehalf);
          return write(tx);
        })
      : await write(em);
    switch (outcome.kind) {
      case 'DONE':
        return { ok: true, value: { registrationId: id, manageToken } };
      case 'RETRY':
        return 'RETRY';
      case 'ALREADY_REGISTERED':
        return { ok: false, failure: { kind: 'ALREADY_REGISTERED' } };
      case 'IDEMPOTENT':
        return replay(outcome, requestHash, key!);
    }
  }
}

/** The first result stored under an idempotency key, or a conflict for a different request. */
function replay(record: IdempotentRecord, requestHash: string, key: string): Outcome<Registered> {
  const sealed = (record.result as { sealedToken?: string } | null)?.sealedToken;
  if (record.requestHash !== requestHash || !record.registrationId || !sealed)
    return { ok: false, failure: idempotencyConflict() };
  return {
    ok: true,
    value: { registrationId: record.registrationId, manageToken: openToken(sealed, key) },
  };
}

/** A decision made on a snapshot meets a changed state this rarely only under a storm. */
const MAX_ATTEMPTS = 50;

/** A closing time beyond any event's (the latest a Date can hold). */
const NEVER = new Date(8.64e15);

function notRegistrable(status: 'DRAFT' | 'CANCELLED'): RegistrationFailure {
  return {
    kind: 'INPUT_INVALID',
    field: ['eventId'],
    text: msg(status === 'DRAFT' ? 'desk.eventDraft' : 'desk.eventCancelled', {}),
  };
}

const WINDOW_REFUSALS = new Set(['NOT_PUBLISHED', 'CLOSED', 'NOT_OPEN']);

function admissionFailure(refusal: AdmissionRefusal): RegistrationFailure {
  return refusal.kind === 'NOT_PUBLISHED' ? unknownEvent() : refusal;
}

export function unknownEvent(): RegistrationFailure {
  return {
    kind: 'INPUT_INVALID',
    field: ['eventId'],
    text: msg('participant.unknownEvent', {}),
  };
}

function idempotencyConflict(): RegistrationFailure {
  return {
    kind: 'INPUT_INVALID',
    field: ['idempotencyKey'],
    text: msg('participant.idempotencyConflict', {}),
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
