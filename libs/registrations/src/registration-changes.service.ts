import { isUuid, msg } from '@fachtag/common';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { sql } from '@fachtag/database';
import { participantMayChange, registrationWindow, windowChangesAt } from '@fachtag/events';
import { MailQueue, type MailChange, type NamedWorkshop } from '@fachtag/mail';
import {
  validateParticipant,
  validateWorkshopSelection,
  type CleanParticipant,
  type ParticipantData,
} from './domain/index.js';
import type { Outcome, RegistrationFailure, RegistrationResult } from './registration-failure.js';
import { RegistrationQueriesService } from './registration-queries.service.js';
import { readChangeSnapshot, type ChangeSnapshot } from './registration-store.js';
import { Registration, RegistrationStatus } from './registration.entity.js';
import { unknownEvent } from './registrations.service.js';
import {
  cancelRegistration,
  changeRegistration,
  seatMoves,
  WaitlistService,
  type CancelCommand,
  type ChangeCommand,
  type Choice,
  type HistoryRow,
  type PhaseOption,
  type SeenWindow,
} from '@fachtag/seating';
import { sha256 } from './tokens.js';
import { historyRow, PARTICIPANT, type HistoryActor } from './history-store.js';

export interface UpdateCommand {
  participant?: ParticipantData | null;
  workshopIds?: string[] | null;
}

/** A decision on a snapshot meets a changed state this rarely only under a storm. */
const MAX_ATTEMPTS = 50;

/**
 * Changes and cancellations of existing registrations. Each decides on an
 * unlocked snapshot and applies in one database call that holds the event lock
 * for its own statements only (`seating_change`, `seating_cancel`); when what
 * the decision saw changed meanwhile, it reads and decides again.
 */
@Injectable()
export class RegistrationChangesService {
  constructor(
    private readonly em: EntityManager,
    private readonly mail: MailQueue,
    private readonly waitlist: WaitlistService,
    private readonly queries: RegistrationQueriesService,
  ) {}

  /**
   * Changes participant data and/or workshops until the cutoff. A confirmed
   * registration moves its seats atomically; a waitlisted one changes its wishes.
   */
  async update(manageToken: string, command: UpdateCommand): Promise<RegistrationResult> {
    return this.queries.present(await this.updateUnit(manageToken, command), manageToken);
  }

  /** A participant's cancellation, until the cutoff; promotes from the waiting list. */
  async cancel(manageToken: string): Promise<RegistrationResult> {
    return this.queries.present(await this.cancelUnit(manageToken), manageToken);
  }

  private async updateUnit(manageToken: string, command: UpdateCommand): Promise<Outcome<string>> {
    let participant: CleanParticipant | null = null;
    if (command.participant) {
      const checked = validateParticipant(command.participant);
      if (!checked.ok) return { ok: false, failure: { kind: 'INPUT_INVALID', ...checked.problem } };
      participant = checked.value;
    }
    const em = this.em.fork();
    return retrying('update', () =>
      this.tryUpdate(em, manageToken, participant, command.workshopIds ?? null),
    );
  }

  private async tryUpdate(
    em: EntityManager,
    manageToken: string,
    participant: CleanParticipant | null,
    workshopIds: string[] | null,
  ): Promise<Outcome<string> | 'RETRY'> {
    const snapshot = await readChangeSnapshot(
      em,
      sha256(manageToken),
      participant?.emailNormalized ?? null,
      workshopIds !== null,
    );
    if (!snapshot || snapshot.status === RegistrationStatus.CANCELLED) return fail(NOT_FOUND);
    const window = changeWindow(snapshot);
    if (!window.ok) return window;
    if (participant && snapshot.emailTaken) return fail(emailInUse());
    let workshops: ChangeCommand['workshops'] = null;
    let workshopsChange: MailChange | null = null;
    const history: HistoryRow[] = [];
    if (workshopIds) {
      const selection = validateWorkshopSelection(phasesOf(snapshot), workshopIds);
      if (!selection.ok) return fail({ kind: 'INVALID_SELECTION', text: selection.text });
      if (!sameChoices(snapshot.choices, selection.choices)) {
        const before = snapshot.choices.map((c) => c.workshopId);
        const after = selection.choices.map((c) => c.workshopId);
        workshops = { choices: selection.choices, ...seatMoves(before, after) };
        workshopsChange = {
          type: 'workshops',
          dropped: named(snapshot, before, after),
          added: named(snapshot, after, before),
        };
        history.push(
          historyRow('WORKSHOPS_CHANGED', PARTICIPANT, {
            details: { from: named(snapshot, before, []), to: named(snapshot, after, []) },
          }),
        );
      }
    }
    if (!participant && !workshops) return { ok: true, value: snapshot.id };
    const details: MailChange = { type: 'details' };
    const outcome = await changeRegistration(em, {
      registrationId: snapshot.id,
      eventId: snapshot.eventId,
      window: window.value,
      seen: { status: snapshot.status, workshopIds: snapshot.choices.map((c) => c.workshopId) },
      participant,
      workshops,
      detailsChange: details,
      workshopsChange,
      history,
      // told in one mail with whatever else changes in the next moments (mail_changes)
      mailJob: await this.mail.jobStatement({
        kind: 'registration.changed',
        registrationId: snapshot.id,
      }),
    });
    switch (outcome.kind) {
      case 'DONE':
        return { ok: true, value: snapshot.id };
      case 'RETRY':
        return 'RETRY';
      case 'EMAIL_IN_USE':
        return fail(emailInUse());
      case 'WORKSHOP_FULL':
        // alternatives are computed after the call, from the seats others see
        return fail({ kind: 'WORKSHOP_FULL', workshopId: outcome.workshopId });
    }
  }

  private async cancelUnit(manageToken: string): Promise<Outcome<string>> {
    const em = this.em.fork();
    return retrying('cancel', async () => {
      const snapshot = await readChangeSnapshot(em, sha256(manageToken), null, false);
      if (!snapshot) return fail(NOT_FOUND);
      const window = changeWindow(snapshot);
      if (!window.ok) return window;
      if (snapshot.status === RegistrationStatus.CANCELLED) return { ok: true, value: snapshot.id };
      const outcome = await cancelRegistration(
        em,
        await this.cancelCommand(snapshot.id, snapshot.eventId, PARTICIPANT, window.value),
      );
      if (outcome.kind === 'RETRY') return 'RETRY';
      if (outcome.kind === 'NOT_FOUND') return fail(NOT_FOUND);
      return { ok: true, value: snapshot.id };
    });
  }

  /**
   * An organizer's cancellation: also after the cutoff. `authorize` gets the
   * registration's event id and throws when the caller may not manage it.
   * Null when the id is unknown (after `authorize('')`, so anonymous callers
   * learn nothing about which ids exist).
   */
  async cancelAsOrganizer(
    registrationId: string,
    authorize: (eventId: string) => Promise<HistoryActor>,
    reason: string | null = null,
  ): Promise<Registration | null> {
    const em = this.em.fork();
    const [ref] = isUuid(registrationId)
      ? await sql<{ event_id: string; status: RegistrationStatus }>(
          em,
          'select event_id, status from registrations where id = $1',
          [registrationId],
        )
      : [];
    const actor = await authorize(ref?.event_id ?? '');
    if (!ref) return null;
    // a second cancellation changes nothing and tells nothing
    if (ref.status !== RegistrationStatus.CANCELLED) {
      // no window and no premise: the call cannot answer RETRY
      await cancelRegistration(
        em,
        await this.cancelCommand(registrationId, ref.event_id, actor, null, reason),
      );
    }
    return this.queries.load(registrationId);
  }

  private async cancelCommand(
    registrationId: string,
    eventId: string,
    actor: HistoryActor,
    window: SeenWindow | null,
    reason: string | null = null,
  ): Promise<CancelCommand> {
    const byOrganizer = actor.kind === 'ORGANIZER';
    return {
      registrationId,
      eventId,
      byOrganizer,
      window,
      // the database fills in the workshops it frees, read under the lock
      cancelJob: await this.mail.jobTemplate({
        kind: 'registration.cancelled',
        registrationId,
        byOrganizer,
        droppedWorkshopIds: [],
        ...(reason ? { reason } : {}),
      }),
      promotionJob: await this.waitlist.promotionJob(),
      history: [historyRow('CANCELLED', actor, { reason })],
    };
  }
}

const NOT_FOUND: RegistrationFailure = { kind: 'NOT_FOUND' };

function fail(failure: RegistrationFailure): Outcome<never> {
  return { ok: false, failure };
}

function emailInUse(): RegistrationFailure {
  return {
    kind: 'INPUT_INVALID',
    field: ['participant', 'email'],
    text: msg('participant.emailInUse', {}),
  };
}

/** Runs `attempt` until it decides on a state that still holds when applied. */
async function retrying<T>(
  what: string,
  attempt: () => Promise<Outcome<T> | 'RETRY'>,
): Promise<Outcome<T>> {
  for (let tries = 1; ; tries += 1) {
    const outcome = await attempt();
    if (outcome !== 'RETRY') return outcome;
    if (tries === MAX_ATTEMPTS) throw new Error(`${what}: no stable decision in ${tries} tries`);
  }
}

/**
 * May the participant change or cancel now (published, not past the cutoff)?
 * The same rule as `participantMayChange`, decided on the snapshot's clock, with
 * the window as seen for the database call to compare.
 */
function changeWindow(s: ChangeSnapshot): Outcome<SeenWindow> {
  const window = registrationWindow(s.event, s.now);
  if (window.state === 'NOT_PUBLISHED') return fail(unknownEvent());
  if (!participantMayChange(s.event, s.now)) {
    if (window.state === 'CLOSED') return fail({ kind: 'CLOSED', closedAt: window.closedAt });
    if (window.state === 'NOT_OPEN') return fail({ kind: 'NOT_OPEN', opensAt: window.opensAt });
  }
  return {
    ok: true,
    value: {
      event: s.event,
      updatedAt: s.eventUpdatedAt,
      validUntil: windowChangesAt(s.event, s.now.getTime()),
    },
  };
}

/** The event's workshop phases with their workshops, in agenda order, as a selection is checked. */
export function phasesOf(s: ChangeSnapshot): PhaseOption[] {
  const phases: PhaseOption[] = [];
  for (const w of s.workshops) {
    let phase = phases.find((p) => p.phaseId === w.phaseId);
    if (!phase) {
      phase = { phaseId: w.phaseId, title: w.phaseTitle, workshopIds: [] };
      phases.push(phase);
    }
    phase.workshopIds.push(w.id);
  }
  return phases;
}

/** The workshops of `ids` not in `without`, by programme number, as a change mail names them. */
function named(s: ChangeSnapshot, ids: string[], without: string[]): NamedWorkshop[] {
  const skip = new Set(without);
  return s.workshops
    .filter((w) => ids.includes(w.id) && !skip.has(w.id))
    .sort((a, b) => a.number - b.number)
    .map((w) => ({ id: w.id, number: w.number, title: w.title }));
}

function sameChoices(a: readonly Choice[], b: readonly Choice[]): boolean {
  const key = (cs: readonly Choice[]) =>
    cs
      .map((c) => c.workshopId)
      .sort()
      .join(',');
  return key(a) === key(b);
}
