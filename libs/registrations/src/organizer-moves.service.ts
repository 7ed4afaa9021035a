import { isUuid, msg } from '@fachtag/common';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { MailQueue, type NamedWorkshop } from '@fachtag/mail';
import { changeRegistration, seatMoves } from '@fachtag/seating';
import { historyRow, type HistoryActor } from './history-store.js';
import type { Outcome, RegistrationFailure, RegistrationResult } from './registration-failure.js';
import { RegistrationQueriesService } from './registration-queries.service.js';
import { readChangeSnapshotById, type ChangeSnapshot } from './registration-store.js';
import { RegistrationStatus } from './registration.entity.js';

/** A decision on a snapshot meets a changed state this rarely only under a storm. */
const MAX_ATTEMPTS = 50;

/**
 * An organizer moves a participant to another workshop: the participants' change
 * path (`seating_change`, one call under the event lock: a full workshop refuses,
 * never overbooked), also after the cutoff, with the same change mail.
 */
@Injectable()
export class OrganizerMovesService {
  constructor(
    private readonly em: EntityManager,
    private readonly mail: MailQueue,
    private readonly queries: RegistrationQueriesService,
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
