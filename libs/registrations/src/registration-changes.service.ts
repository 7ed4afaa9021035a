import { isUuid, msg } from '@fachtag/common';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { sql } from '@fachtag/database';
import { MailQueue, type MailChange } from '@fachtag/mail';
import { namedWorkshops, recordMailChanges } from './mail/mail-changes-store.js';
import {
  validateParticipant,
  validateWorkshopSelection,
  type CleanParticipant,
  type ParticipantData,
} from './domain/index.js';
import {
  asOutcome,
  refuse,
  type Outcome,
  type RegistrationResult,
} from './registration-failure.js';
import { RegistrationQueriesService } from './registration-queries.service.js';
import {
  activeRegistrationFor,
  findByTokenHash,
  lockRegistration,
  updateParticipant,
  type RegistrationState,
} from './registration-store.js';
import { Registration, RegistrationStatus } from './registration.entity.js';
import { checkOpen, moveSeatsOrRefuse } from './registrations.service.js';
import {
  eventWorkshops,
  lockEvent,
  moveWorkshopSeats,
  releaseEventSeat,
  replaceChoices,
  setStatus,
  touch,
  WaitlistService,
  type Choice,
} from '@fachtag/seating';
import { sha256 } from './tokens.js';

export interface UpdateCommand {
  participant?: ParticipantData | null;
  workshopIds?: string[] | null;
}

/** Changes and cancellations of existing registrations. */
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
    return asOutcome(() =>
      this.em.fork().transactional(async (em) => {
        const state = await this.lockByToken(em, manageToken, true);
        const changes: MailChange[] = [];
        if (participant && (await this.changeParticipant(em, state, participant))) {
          changes.push({ type: 'details' });
        }
        const before = state.choices.map((c) => c.workshopId);
        if (command.workshopIds && (await this.changeWorkshops(em, state, command.workshopIds))) {
          const after = new Set(command.workshopIds);
          const had = new Set(before);
          changes.push({
            type: 'workshops',
            dropped: await namedWorkshops(
              em,
              before.filter((id) => !after.has(id)),
            ),
            added: await namedWorkshops(
              em,
              [...after].filter((id) => !had.has(id)),
            ),
          });
        }
        if (changes.length > 0) {
          await touch(em, state.id);
          // told in one mail with whatever else changes in the next moments (MailQueue.enqueue)
          await recordMailChanges(em, [state.id], changes);
          await this.mail.enqueue(em, { kind: 'registration.changed', registrationId: state.id });
        }
        return state.id;
      }),
    );
  }

  private async cancelUnit(manageToken: string): Promise<Outcome<string>> {
    return asOutcome(() =>
      this.em.fork().transactional(async (em) => {
        const state = await this.lockByToken(em, manageToken, false);
        if (state.status !== RegistrationStatus.CANCELLED)
          await this.cancelLocked(em, state, false);
        return state.id;
      }),
    );
  }

  /**
   * An organizer's cancellation: also after the cutoff. `authorize` gets the
   * registration's event id and throws when the caller may not manage it.
   * Null when the id is unknown (after `authorize('')`, so anonymous callers
   * learn nothing about which ids exist).
   */
  async cancelAsOrganizer(
    registrationId: string,
    authorize: (eventId: string) => Promise<void>,
  ): Promise<Registration | null> {
    const [ref] = isUuid(registrationId)
      ? await sql<{ event_id: string }>(
          this.em.fork(),
          'select event_id from registrations where id = $1',
          [registrationId],
        )
      : [];
    await authorize(ref?.event_id ?? '');
    if (!ref) return null;
    await this.em.fork().transactional(async (em) => {
      await lockEvent(em, ref.event_id);
      const state = await lockRegistration(em, registrationId);
      if (state && state.status !== RegistrationStatus.CANCELLED) {
        await this.cancelLocked(em, state, true);
      }
    });
    return this.queries.load(registrationId);
  }

  private async cancelLocked(
    em: EntityManager,
    state: RegistrationState,
    byOrganizer: boolean,
  ): Promise<void> {
    if (state.status === RegistrationStatus.CONFIRMED) {
      await releaseEventSeat(em, state.eventId);
      await moveWorkshopSeats(em, {
        release: state.choices.map((c) => c.workshopId).sort(),
        take: [],
      });
    }
    // a cancelled registration holds no workshops, so workshops can be removed later
    await replaceChoices(em, state.id, []);
    await setStatus(em, state.id, RegistrationStatus.CANCELLED, byOrganizer);
    await this.mail.enqueue(em, {
      kind: 'registration.cancelled',
      registrationId: state.id,
      byOrganizer,
      droppedWorkshopIds: state.choices.map((c) => c.workshopId),
    });
    await this.waitlist.promoteWaitlisted(em, state.eventId);
  }

  /**
   * Finds the registration by token hash, locks its event (first, as everywhere)
   * and then the registration, and checks the participant may still change it.
   */
  private async lockByToken(
    em: EntityManager,
    manageToken: string,
    activeOnly: boolean,
  ): Promise<RegistrationState> {
    const ref = await findByTokenHash(em, sha256(manageToken));
    if (!ref) refuse({ kind: 'NOT_FOUND' });
    const event = await lockEvent(em, ref.eventId);
    const state = await lockRegistration(em, ref.id);
    if (!event || !state) return refuse({ kind: 'NOT_FOUND' });
    if (activeOnly && state.status === RegistrationStatus.CANCELLED) refuse({ kind: 'NOT_FOUND' });
    checkOpen(event, true);
    return state;
  }

  private async changeParticipant(
    em: EntityManager,
    state: RegistrationState,
    participant: CleanParticipant,
  ): Promise<boolean> {
    const other = await activeRegistrationFor(em, state.eventId, participant.emailNormalized);
    if (other !== null && other !== state.id) {
      refuse({
        kind: 'INPUT_INVALID',
        field: ['participant', 'email'],
        text: msg('participant.emailInUse', {}),
      });
    }
    return updateParticipant(em, state.id, participant);
  }

  private async changeWorkshops(
    em: EntityManager,
    state: RegistrationState,
    workshopIds: string[],
  ): Promise<boolean> {
    const { phases } = await eventWorkshops(em, state.eventId);
    const selection = validateWorkshopSelection(phases, workshopIds);
    if (!selection.ok) refuse({ kind: 'INVALID_SELECTION', text: selection.text });
    if (sameChoices(state.choices, selection.choices)) return false;
    if (state.status === RegistrationStatus.CONFIRMED) {
      await moveSeatsOrRefuse(em, state.eventId, state.choices, selection.choices);
    }
    await replaceChoices(em, state.id, selection.choices);
    return true;
  }
}

function sameChoices(a: readonly Choice[], b: readonly Choice[]): boolean {
  const key = (cs: readonly Choice[]) =>
    cs
      .map((c) => c.workshopId)
      .sort()
      .join(',');
  return key(a) === key(b);
}
