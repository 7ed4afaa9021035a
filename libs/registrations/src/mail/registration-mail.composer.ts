import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/core';
import { APP_CONFIG, type AppConfig } from '@fachtag/config';
import { sql, transaction } from '@fachtag/database';
import { Workshop } from '@fachtag/events';
import { calendarContentType, registrationFeedUrl } from '@fachtag/calendar';
import {
  eventUrl,
  isOwnChange,
  manageUrl,
  mergeChanges,
  renderMail,
  type MailJobKind,
  type MailComposer,
  type MailContext,
  type MailJob,
  type MailOutcome,
  type OutgoingMail,
} from '@fachtag/mail';
import { Registration, RegistrationStatus } from '../registration.entity.js';
import { currentManageToken, manageTokenKey } from '../tokens.js';
import { currentMailKind } from './current-kind.js';
import { recordHistory, SYSTEM } from '../history-store.js';
import { claimMailChanges, forgetMailChanges } from './mail-changes-store.js';
import {
  chosenWorkshops,
  registrationCalendarFile,
  registrationEntries,
  type PhasedWorkshop,
  type RegistrationCalendarSettings,
} from './registration-calendar.js';

const CANCELLING = new Set(['registration.cancelled', 'event.cancelled']);
/** Mails that tell changes; quick successive ones are told together (`mail_changes`). */
const COALESCED = new Set<MailJobKind>(['registration.changed', 'agenda.changed']);

/**
 * The phases where a promoted participant holds another workshop than they
 * wished for while waiting (promotion takes the phase's workshop with the most
 * seats left when the wished one is full), or one although they wished for none.
 */
async function notWished(
  em: EntityManager,
  wishedIds: readonly string[],
  current: readonly PhasedWorkshop[],
): Promise<NonNullable<MailContext['notWished']>> {
  const wished = wishedIds.length
    ? await em.find(Workshop, { id: { $in: [...wishedIds] } }, { populate: ['phase'] })
    : [];
  const byPhase = new Map(wished.map((w) => [w.phase.id, w]));
  const named = (w: Workshop) => ({ id: w.id, number: w.number, title: w.title });
  return current
    .filter(({ phase, workshop }) => byPhase.get(phase.id)?.id !== workshop.id)
    .map(({ phase, workshop }) => {
      const wish = byPhase.get(phase.id);
      return { phaseTitle: phase.title, wished: wish ? named(wish) : null, got: named(workshop) };
    });
}

/** Renders registration mails from the database state when the worker sends them. */
@Injectable()
export class RegistrationMailComposer implements MailComposer {
  private readonly tokenKey: Buffer;

  constructor(
    private readonly orm: MikroORM,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.tokenKey = manageTokenKey(config.jwtSecret);
  }

  private get settings(): RegistrationCalendarSettings {
    return {
      publicBaseUrl: this.config.publicBaseUrl,
      fallbackOrganizerEmail: this.config.mailFromAddress,
    };
  }

  /**
   * Renders the mail under the registration's row lock, in one transaction with
   * claiming its untold changes (`mail_changes`): every change that writes such
   * a row holds the same lock until it commits, so the changes a mail lists and
   * the state its calendar shows belong together. A change mail whose changes an
   * earlier mail told already sends nothing; so does a mail the state contradicts.
   */
  async compose(job: MailJob, meta?: { jobId: string }): Promise<OutgoingMail | null> {
    return transaction(this.orm.em, async (em) => {
      const mail = await this.composeLocked(em, job, meta?.jobId);
      if (mail === null && meta) await forgetMailChanges(em, meta.jobId);
      return mail;
    });
  }

  private async composeLocked(
    em: EntityManager,
    job: MailJob,
    jobId: string | undefined,
  ): Promise<OutgoingMail | null> {
    const locked = await sql(em, 'select id from registrations where id = $1 for update', [
      job.registrationId,
    ]);
    if (locked.length === 0) return null;
    const claimed = jobId ? await claimMailChanges(em, job.registrationId, jobId) : [];
    const registration = await em.findOne(Registration, job.registrationId, {
      populate: ['event', 'choices.workshop', 'choices.phase'],
    });
    if (!registration) return null;
    const current = chosenWorkshops(registration);
    const changes = mergeChanges(
      claimed,
      current.map((c) => c.workshop.id),
    );
    let told = job.kind;
    // a change mail tells every change not told yet, whichever job of them runs first;
    // jobs queued before mail_changes existed carry droppedWorkshopIds and are sent as they are
    if (COALESCED.has(job.kind) && job.droppedWorkshopIds === undefined) {
      if (changes.length === 0) return null;
      told = changes.some(isOwnChange) ? 'registration.changed' : 'agenda.changed';
    }
    const kind = currentMailKind(told, registration.status, registration.event.status);
    if (kind === null) return null;
    job = { ...job, kind };
    const droppedIds =
      job.droppedWorkshopIds ??
      changes.flatMap((c) => (c.type === 'workshops' ? c.dropped.map((w) => w.id) : []));
    const dropped = droppedIds.length
      ? (await em.find(Workshop, { id: { $in: droppedIds } }, { populate: ['phase'] })).map(
          (workshop): PhasedWorkshop => ({ workshop, phase: workshop.phase }),
        )
      : [];
    const cancelling = CANCELLING.has(job.kind);
    const workshops = cancelling && dropped.length ? dropped : current;
    const context = this.context(job, registration, workshops);
    if (COALESCED.has(job.kind)) context.changes = changes;
    if (job.kind === 'registration.promoted' && job.wishedWorkshopIds) {
      context.notWished = await notWished(em, job.wishedWorkshopIds, current);
    }
    const rendered = renderMail(context);
    const event = registration.event;
    return {
      from: this.config.mailFrom,
      to: {
        name: `${registration.firstName} ${registration.lastName}`,
        address: registration.email,
      },
      replyTo: event.contactEmail ?? undefined,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      attachments: this.attachments(job, registration, workshops, dropped, cancelling),
    };
  }

  async record(job: MailJob, outcome: MailOutcome, meta?: { jobId: string }): Promise<void> {
    const status = outcome.status === 'RETRYING' ? 'PENDING' : outcome.status;
    const em = this.orm.em.fork();
    const found = await sql(
      em,
      'update registrations set mail_status = $2 where id = $1 returning id',
      [job.registrationId, status],
    );
    // the desk's history shows every mail delivered or given up, with the refusal
    if (found.length === 1 && outcome.status !== 'RETRYING') {
      await recordHistory(
        em,
        [job.registrationId],
        outcome.status === 'SENT' ? 'MAIL_SENT' : 'MAIL_FAILED',
        SYSTEM,
        {
          details: {
            mail: job.kind,
            ...(outcome.status === 'FAILED' ? { failure: outcome.detail } : {}),
          },
        },
      );
    }
    // told, or never will be: a retry keeps its claimed changes
    if (meta && outcome.status !== 'RETRYING') await forgetMailChanges(em, meta.jobId);
  }

  private context(
    job: MailJob,
    registration: Registration,
    workshops: PhasedWorkshop[],
  ): MailContext {
    const event = registration.event;
    // derived now from the registration's nonce: no job carries the token (issue 11 item 6)
    const token = currentManageToken(this.tokenKey, registration);
    return {
      kind: job.kind,
      language: event.language,
      timeZone: event.timeZone,
      participant: registration,
      event,
      workshops: workshops.map(({ phase, workshop }) => ({
        phaseTitle: phase.title,
        number: workshop.number,
        title: workshop.title,
        startsAt: phase.startsAt,
        endsAt: phase.endsAt,
        room: workshop.room,
        hosts: workshop.hosts,
      })),
      manageUrl: token ? manageUrl(this.config.publicBaseUrl, token) : undefined,
      eventUrl: eventUrl(this.config.publicBaseUrl, event.slug),
      // the read-only calendar token: this link may be shared, it cannot change anything
      calendarUrl: registrationFeedUrl(this.config.publicBaseUrl, registration.calendarToken),
      byOrganizer: job.byOrganizer,
      reason: job.reason ?? null,
    };
  }

  /**
   * RFC 6047: the calendar travels as a text/calendar attachment whose `method`
   * parameter equals the file's METHOD. A change that drops workshops sends
   * them once more in a second, CANCEL file so calendars remove them.
   */
  private attachments(
    job: MailJob,
    registration: Registration,
    workshops: PhasedWorkshop[],
    dropped: PhasedWorkshop[],
    cancelling: boolean,
  ): OutgoingMail['attachments'] {
    if (registration.status === RegistrationStatus.WAITLISTED && !cancelling) return [];
    if (job.kind === 'registration.link') return [];
    const file = (method: 'REQUEST' | 'CANCEL', name: string, content: string) => ({
      filename: name,
      content,
      contentType: calendarContentType(method),
      contentDisposition: 'attachment' as const,
    });
    if (cancelling) {
      const entries = registrationEntries(registration, this.settings, {
        active: false,
        workshops,
        withAttendee: true,
      });
      return [
        file('CANCEL', 'absage.ics', registrationCalendarFile(registration, 'CANCEL', entries)),
      ];
    }
    const current = registrationEntries(registration, this.settings, { withAttendee: true });
    const files = [
      file('REQUEST', 'termine.ics', registrationCalendarFile(registration, 'REQUEST', current)),
    ];
    if (dropped.length && job.kind === 'registration.changed') {
      const gone = registrationEntries(registration, this.settings, {
        active: false,
        workshops: dropped,
        withAttendee: true,
      }).slice(1); // the event itself stays
      files.push(
        file('CANCEL', 'entfallen.ics', registrationCalendarFile(registration, 'CANCEL', gone)),
      );
    }
    return files;
  }
}
