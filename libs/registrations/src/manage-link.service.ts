import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@fachtag/config';
import { EntityManager } from '@mikro-orm/core';
import { isUuid, msg, type Msg } from '@fachtag/common';
import { sql, transaction } from '@fachtag/database';
import { MailQueue } from '@fachtag/mail';
import { isValidEmail, normalizeEmail } from './domain/index.js';
import { issueManageToken, manageTokenKey } from './tokens.js';
import { recordHistory, type HistoryActor } from './history-store.js';

/** "Link verloren?": the event (by slug or id) and the address the link should go to. */
export interface ManageLinkRequest {
  eventSlug?: string | null;
  eventId?: string | null;
  email: string;
}

/** Refused input; otherwise the answer is the same whether or not the address is registered. */
export type ManageLinkOutcome = { ok: true } | { ok: false; field: string[]; text: Msg };

/**
 * Sends a participant a fresh link to their manage page. The answer and the work
 * done are the same whether or not the address is registered: a new token is made
 * and hashed, one update runs, one mail job is queued (for an unknown address it
 * names no registration, and the worker drops it). So neither the answer nor its
 * timing tells whether someone is registered.
 */
@Injectable()
export class ManageLinkService {
  private readonly tokenKey: Buffer;

  constructor(
    private readonly em: EntityManager,
    private readonly mail: MailQueue,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.tokenKey = manageTokenKey(config.jwtSecret);
  }

  async request(request: ManageLinkRequest): Promise<ManageLinkOutcome> {
    const email = request.email.trim();
    if (!isValidEmail(email)) {
      return { ok: false, field: ['email'], text: msg('link.email', {}) };
    }
    const eventId = await this.findEvent(request);
    if (typeof eventId !== 'string') return eventId;
    await transaction(this.em, async (em) => {
      const issued = issueManageToken(this.tokenKey);
      // rotating the hash is what makes every earlier link stop working
      const [row] = await sql<{ id: string }>(
        em,
        `update registrations set manage_token_hash = $3, manage_token_nonce = $4
          where event_id = $1 and email_normalized = $2 and status <> 'CANCELLED'
          returning id`,
        [eventId, normalizeEmail(email), issued.hash, issued.nonce],
      );
      const registrationId = row?.id ?? randomUUID();
      // a replayed register must not hand out the token this request just retired
      await sql(em, `delete from idempotency_records where registration_id = $1`, [registrationId]);
      // the worker derives the fresh link from the nonce when it sends
      await this.mail.enqueue(em, { kind: 'registration.link', registrationId });
    });
    return { ok: true };
  }

  /**
   * An organizer sends a participant's current mail again (confirmation, or the
   * waiting list's mail), with a fresh manage link as "Link verloren?" makes one:
   * earlier links stop working. False when the registration is not active.
   */
  async resendCurrent(registrationId: string, actor: HistoryActor): Promise<boolean> {
    return transaction(this.em, async (em) => {
      const issued = issueManageToken(this.tokenKey);
      const [row] = await sql<{ status: 'CONFIRMED' | 'WAITLISTED' }>(
        em,
        `update registrations set manage_token_hash = $2, manage_token_nonce = $3
          where id = $1 and status <> 'CANCELLED' returning status`,
        [registrationId, issued.hash, issued.nonce],
      );
      if (!row) return false;
      await sql(em, `delete from idempotency_records where registration_id = $1`, [registrationId]);
      const kind =
        row.status === 'CONFIRMED' ? 'registration.confirmed' : 'registration.waitlisted';
      await this.mail.enqueue(em, { kind, registrationId });
      await recordHistory(em, [registrationId], 'MAIL_RESENT', actor, { details: { mail: kind } });
      return true;
    });
  }

  /** The event's id, or the refusal: drafts are unknown, as everywhere for participants. */
  private async findEvent(request: ManageLinkRequest): Promise<string | ManageLinkOutcome> {
    const { eventSlug, eventId } = request;
    if ((eventSlug == null) === (eventId == null)) {
      return {
        ok: false,
        field: eventSlug == null ? ['eventSlug'] : ['eventId'],
        text: msg('link.eitherEvent', {}),
      };
    }
    const byId = eventId != null;
    const value = byId ? eventId : (eventSlug as string);
    const unknown: ManageLinkOutcome = {
      ok: false,
      field: [byId ? 'eventId' : 'eventSlug'],
      text: byId ? msg('link.unknownId', {}) : msg('link.unknownSlug', {}),
    };
    if (byId ? !isUuid(value) : value.length === 0 || value.length > 200 || value.includes('\0')) {
      return unknown;
    }
    const [row] = await sql<{ id: string }>(
      this.em.fork(),
      `select id from events where ${byId ? 'id' : 'slug'} = $1 and status <> 'DRAFT'`,
      [value],
    );
    return row?.id ?? unknown;
  }
}
