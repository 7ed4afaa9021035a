import { isUuid, msg, type Msg } from '@fachtag/common';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { MAX_CAPACITY } from '@fachtag/events';
import { MailQueue, type NamedWorkshop } from '@fachtag/mail';
import { admitWaiting, changeRegistration, seatMoves, WaitlistService } from '@fachtag/seating';
import { validateWorkshopSelection } from './domain/index.js';
import { historyRow, type HistoryActor } from './history-store.js';
import { phasesOf } from './registration-changes.service.js';
import type { Outcome, RegistrationFailure, RegistrationResult } from './registration-failure.js';
import { RegistrationQueriesService } from './registration-queries.service.js';
import { readChangeSnapshotById, type ChangeSnapshot } from './registration-store.js';
import { RegistrationStatus } from './registration.entity.js';

/** A decision on a snapshot meets a changed state this rarely only under a storm. */
const MAX_ATTEMPTS = 50;

/**
 * An organizer moves a participant to another workshop: the participants' change
 * path (`seating_change`, one call under the event lock: a full workshop refuses,
 * never overbooked), also after the cutoff, with the same change mail. And an
 * organizer promotes a waiting participant by hand (`seating_admit`).
 */
@Injectable()
export class OrganizerMovesService {
  constructor(
    private readonly em: EntityManager,
    private readonly mail: MailQueue,
    private readonly queries: RegistrationQueriesService,
    private readonly waitlist: WaitlistService,
  ) {}

  /**
   * Puts the registration into `workshopId` in that workshop's phase (seats when
   * confirmed, the wish while waiting). `authorize` gets the event id (or '' for an
   * unknown registration) and throws when the caller may not manage it.
   */
  async move(
    registrationId: string,
    workshopId: string,
    authorize: (eventId: string) => Promise<HistoryActor>,
  ): Promise<RegistrationResult> {
    const em = this.em.fork();
    const first = isUuid(registrationId) ? await readChangeSnapshotById(em, registrationId) : null;
    const actor = await authorize(first?.eventId ?? '');
    if (!first) return this.queries.present(fail({ kind: 'NOT_FOUND' }));
    for (let tries = 1; ; tries += 1) {
      const snapshot = tries === 1 ? first : await readChangeSnapshotById(em, registrationId);
      const outcome = await this.tryMove(em, snapshot!, workshopId, actor);
      if (outcome !== 'RETRY') return this.queries.present(outcome);
      if (tries === MAX_ATTEMPTS) throw new Error(`move: no stable decision in ${tries} tries`);
    }
  }

  /**
   * Confirms a waiting registration into `workshopIds` (one per phase; null: the
   * workshops it wished for), out of the waiting list's order. Never beyond a
   * capacity: a full event or workshop refuses, unless `addSeats` raises that
   * capacity by exactly this seat (the organizer's decision, as in the editor).
   * The participant gets the promotion mail; the history names the organizer.
   */
  async promote(
    registrationId: string,
    workshopIds: string[] | null,
    addSeats: boolean,
    authorize: (eventId: string) => Promise<HistoryActor>,
  ): Promise<RegistrationResult> {
    const em = this.em.fork();
    const first = isUuid(registrationId) ? await readChangeSnapshotById(em, registrationId) : null;
    const actor = await authorize(first?.eventId ?? '');
    if (!first) return this.queries.present(fail({ kind: 'NOT_FOUND' }));
    for (let tries = 1; ; tries += 1) {
      const snapshot = tries === 1 ? first : await readChangeSnapshotById(em, registrationId);
      const outcome = await this.tryPromote(em, snapshot!, workshopIds, addSeats, actor);
      if (outcome !== 'RETRY') return this.queries.present(outcome);
      if (tries === MAX_ATTEMPTS) throw new Error(`promote: no stable decision in ${tries} tries`);
    }
  }

  private async tryPromote(
    em: EntityManager,
    s: ChangeSnapshot,
    workshopIds: string[] | null,
    addSeats: boolean,
    actor: HistoryActor,
  ): Promise<Outcome<string> | 'RETRY'> {
    const refused = refusedPromotion(s.status, s.event.status);
    if (refused) return fail(refused);
    const wishes = s.choices.map((c) => c.workshopId);
    const selection = validateWorkshopSelection(phasesOf(s), workshopIds ?? wishes);
    if (!selection.ok) return fail({ kind: 'INVALID_SELECTION', text: selection.text });
    const seats = selection.choices.map((c) => c.workshopId);
    const outcome = await admitWaiting(em, {
      registrationId: s.id,
      eventId: s.eventId,
      seen: { wishedWorkshopIds: wishes, eventWorkshopIds: s.workshops.map((w) => w.id) },
      choices: selection.choices,
      addSeats,
      maxCapacity: MAX_CAPACITY,
      promotedJob: await this.mail.jobStatement({
        kind: 'registration.promoted',
        registrationId: s.id,
        wishedWorkshopIds: wishes,
      }),
      promotionJob: await this.waitlist.promotionJob(),
      history: [
        historyRow('PROMOTED', actor, {
          details: { from: named(s, wishes, []), to: named(s, seats, []) },
        }),
      ],
    });
    switch (outcome.kind) {
      case 'DONE':
        return { ok: true, value: s.id };
      case 'RETRY':
        return 'RETRY';
      case 'NOT_FOUND':
        return fail({ kind: 'NOT_FOUND' });
      case 'WORKSHOP_FULL':
        return fail({ kind: 'WORKSHOP_FULL', workshopId: outcome.workshopId });
      case 'EVENT_FULL':
        return fail({ kind: 'EVENT_FULL' });
      case 'CONFIRMED':
      case 'CANCELLED':
      case 'EVENT_NOT_PUBLISHED':
        // changed since the snapshot: refused as the snapshot would have been
        return 'RETRY';
    }
  }

  private async tryMove(
    em: EntityManager,
    s: ChangeSnapshot,
    workshopId: string,
    actor: HistoryActor,
  ): Promise<Outcome<string> | 'RETRY'> {
    if (s.status === RegistrationStatus.CANCELLED)
      return fail({ kind: 'INPUT_INVALID', field: ['id'], text: msg('desk.cancelled', {}) });
    const target = s.workshops.find((w) => w.id === workshopId);
    if (!target)
      return fail({
        kind: 'INPUT_INVALID',
        field: ['workshopId'],
        text: msg('desk.unknownWorkshop', {}),
      });
    const choices = [
      ...s.choices.filter((c) => c.phaseId !== target.phaseId),
      { phaseId: target.phaseId, workshopId: target.id },
    ];
    const before = s.choices.map((c) => c.workshopId);
    if (before.includes(target.id)) return { ok: true, value: s.id };
    const after = choices.map((c) => c.workshopId);
    const outcome = await changeRegistration(em, {
      registrationId: s.id,
      eventId: s.eventId,
      // organizers move also after the cutoff: the window only has to stay as seen
      window: { event: s.event, updatedAt: s.eventUpdatedAt, validUntil: Infinity },
      seen: { status: s.status, workshopIds: before },
      participant: null,
      workshops: { choices, ...seatMoves(before, after) },
      detailsChange: { type: 'details' },
      workshopsChange: {
        type: 'workshops',
        dropped: named(s, before, after),
        added: named(s, after, before),
      },
      history: [
        historyRow('MOVED', actor, {
          details: { from: named(s, before, []), to: named(s, after, []) },
        }),
      ],
      mailJob: await this.mail.jobStatement({ kind: 'registration.changed', registrationId: s.id }),
    });
    switch (outcome.kind) {
      case 'DONE':
        return { ok: true, value: s.id };
      case 'RETRY':
        return 'RETRY';
      case 'WORKSHOP_FULL':
        return fail({ kind: 'WORKSHOP_FULL', workshopId: outcome.workshopId });
      case 'EMAIL_IN_USE':
        throw new Error('move: the address cannot be in use, it did not change');
    }
  }
}

/** Why a registration cannot be promoted (by its status, its event's), or null. */
function refusedPromotion(
  status: RegistrationStatus,
  eventStatus: ChangeSnapshot['event']['status'],
): RegistrationFailure | null {
  const invalid = (text: Msg): RegistrationFailure => ({
    kind: 'INPUT_INVALID',
    field: ['id'],
    text,
  });
  if (status === RegistrationStatus.CANCELLED) return invalid(msg('desk.cancelled', {}));
  if (status !== RegistrationStatus.WAITLISTED) return invalid(msg('desk.notWaiting', {}));
  if (eventStatus === 'CANCELLED') return invalid(msg('desk.eventCancelled', {}));
  if (eventStatus !== 'PUBLISHED') return invalid(msg('desk.eventDraft', {}));
  return null;
}

function fail(failure: RegistrationFailure): Outcome<never> {
  return { ok: false, failure };
}

/** The workshops of `ids` not in `without`, by programme number. */
function named(s: ChangeSnapshot, ids: string[], without: string[]): NamedWorkshop[] {
  const skip = new Set(without);
  return s.workshops
    .filter((w) => ids.includes(w.id) && !skip.has(w.id))
    .sort((a, b) => a.number - b.number)
    .map((w) => ({ id: w.id, number: w.number, title: w.title }));
}
