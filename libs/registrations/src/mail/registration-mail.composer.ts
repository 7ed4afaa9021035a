import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { APP_CONFIG, type AppConfig } from '@fachtag/config';
import { sql } from '@fachtag/database';
import { Workshop } from '@fachtag/events';
import { calendarContentType, registrationFeedUrl } from '@fachtag/calendar';
import {
  eventUrl,
  manageUrl,
  renderMail,
  type MailComposer,
  type MailContext,
  type MailJob,
  type MailOutcome,
  type OutgoingMail,
} from '@fachtag/mail';
import { Registration, RegistrationStatus } from '../registration.entity.js';
import { currentManageToken, manageTokenKey } from '../tokens.js';
import { currentMailKind } from './current-kind.js';
import {
  chosenWorkshops,
  registrationCalendarFile,
  registrationEntries,
  type PhasedWorkshop,
  type RegistrationCalendarSettings,
} from './registration-calendar.js';

const CANCELLING = new Set(['registration.cancelled', 'event.cancelled']);

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

  async compose(job: MailJob): Promise<OutgoingMail | null> {
    const em = this.orm.em.fork();
    const registration = await em.findOne(Registration, job.registrationId, {
      populate: ['event', 'choices.workshop', 'choices.phase'],
    });
    if (!registration) return null;
    const kind = currentMailKind(job.kind, registration.status);
    if (kind === null) return null;
    job = { ...job, kind };
    const dropped = job.droppedWorkshopIds?.length
      ? (
          await em.find(Workshop, { id: { $in: job.droppedWorkshopIds } }, { populate: ['phase'] })
        ).map((workshop): PhasedWorkshop => ({ workshop, phase: workshop.phase }))
      : [];
    const cancelling = CANCELLING.has(job.kind);
    const workshops = cancelling && dropped.length ? dropped : chosenWorkshops(registration);
    const rendered = renderMail(this.context(job, registration, workshops));
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

  async record(job: MailJob, outcome: MailOutcome): Promise<void> {
    const status = outcome.status === 'RETRYING' ? 'PENDING' : outcome.status;
    await sql(this.orm.em.fork(), 'update registrations set mail_status = $2 where id = $1', [
      job.registrationId,
      status,
    ]);
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
