import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { transaction } from '@fachtag/database';
import { APP_CONFIG, type AppConfig } from '@fachtag/config';
import { characterCount, InvalidInputError, isUuid, msg, NotFoundError } from '@fachtag/common';
import { assertAdmin, requireActor, type Actor } from './domain/access.js';
import { ensureConfiguredOrganizer } from './configured-organizer.js';
import { normalizeEmail, validateOrganizerInput } from './domain/organizer-input.js';
import { Organizer } from './organizer.entity.js';
import { hashPassword, verifyPassword } from './password.js';
import { signAccessToken, verifyAccessToken } from './tokens.js';

/** A successful login; a failed one is null (same answer for unknown e-mail and wrong password). */
export interface LoginOutcome {
  accessToken: string;
  organizer: Organizer;
}

export interface NewOrganizer {
  email: string;
  name: string;
  password: string;
  isAdmin: boolean;
}

/**
 * The organizer configured by ORGANIZER_EMAIL (created at start). For callers
 * outside a request, e.g. the demo seed, which needs an owner for its event.
 */
export function findConfiguredOrganizer(
  em: EntityManager,
  config: AppConfig,
): Promise<Organizer | null> {
  return em.fork().findOne(Organizer, { email: normalizeEmail(config.organizerEmail) });
}

/** Organizer accounts, login and access tokens. */
@Injectable()
export class OrganizersService implements OnApplicationBootstrap {
  constructor(
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Creates the configured organizer, or resets its password, as an admin. */
  async onApplicationBootstrap(): Promise<void> {
    const { email, generatedPassword } = await ensureConfiguredOrganizer(
      this.em.fork(),
      this.config,
    );
    if (generatedPassword) {
      process.stdout.write(
        `fachtag: demo organizer login: ${email} / ${generatedPassword} (set ORGANIZER_PASSWORD to choose one)\n`,
      );
    }
  }

  /** A token for matching credentials, else null; the e-mail is compared case-insensitively. */
  async login(email: string, password: string): Promise<LoginOutcome | null> {
    const found = await this.em.fork().findOne(Organizer, { email: normalizeEmail(email) });
    // a deactivated account answers like an unknown one, after the same work
    const organizer = found?.deactivatedAt ? null : found;
    // verifyPassword runs a full argon2 verification even without an account (timing)
    const ok = await verifyPassword(organizer?.passwordHash ?? null, password);
    if (!ok || !organizer) return null;
    const accessToken = await signAccessToken(organizer.id, this.config.jwtSecret);
    return { accessToken, organizer };
  }

  /**
   * The organizer a bearer token names. Null when the token is invalid, expired
   * or names an organizer that no longer exists or was deactivated.
   */
  async fromAccessToken(token: string): Promise<Organizer | null> {
    const id = await verifyAccessToken(token, this.config.jwtSecret);
    if (!id) return null;
    return this.em.fork().findOne(Organizer, { id, deactivatedAt: null });
  }

  /** The caller's own password, after checking the current one. */
  async changePassword(
    actor: Actor | null,
    currentPassword: string,
    newPassword: string,
  ): Promise<Organizer> {
    const me = requireActor(actor);
    const length = characterCount(newPassword);
    if (length < 10 || length > 200) {
      throw new InvalidInputError(['newPassword'], msg('organizer.password', {}));
    }
    return transaction(this.em, async (em) => {
      const organizer = await em.findOneOrFail(Organizer, { id: me.id });
      if (!(await verifyPassword(organizer.passwordHash, currentPassword))) {
        throw new InvalidInputError(['currentPassword'], msg('organizer.currentPassword', {}));
      }
      organizer.passwordHash = await hashPassword(newPassword);
      await em.flush();
      return organizer;
    });
  }

  /** Admin only: every organizer account, active ones first, then by name. */
  async listOrganizers(actor: Actor | null): Promise<Organizer[]> {
    assertAdmin(actor);
    const all = await this.em.fork().find(Organizer, {}, { orderBy: { name: 'asc', id: 'asc' } });
    return [...all.filter((o) => !o.deactivatedAt), ...all.filter((o) => o.deactivatedAt)];
  }

  /**
   * Admin only: deactivates (or reactivates) an account. Its owner can no longer
   * log in and its tokens stop working; its events stay, for admins to manage.
   * Nobody deactivates themselves, so an admin cannot lock the last admin out.
   */
  async setOrganizerActive(actor: Actor | null, id: string, active: boolean): Promise<Organizer> {
    const admin = assertAdmin(actor);
    if (!active && id === admin.id) {
      throw new InvalidInputError(['id'], msg('organizer.deactivateSelf', {}));
    }
    return transaction(this.em, async (em) => {
      const organizer = isUuid(id) ? await em.findOne(Organizer, { id }) : null;
      if (!organizer) throw new NotFoundError('Organizer', id);
      if (active) organizer.deactivatedAt = null;
      else organizer.deactivatedAt ??= new Date();
      await em.flush();
      return organizer;
    });
  }

  /** Admin only: adds an organizer account. */
  async createOrganizer(actor: Actor | null, input: NewOrganizer): Promise<Organizer> {
    assertAdmin(actor);
    validateOrganizerInput(input);
    return transaction(this.em, async (em) => {
      const email = normalizeEmail(input.email);
      if (await em.count(Organizer, { email })) {
        throw new InvalidInputError(['email'], msg('organizer.emailTaken', { email }));
      }
      const organizer = em.create(Organizer, {
        email,
        name: input.name.trim(),
        passwordHash: await hashPassword(input.password),
        isAdmin: input.isAdmin,
      });
      await em.flush();
      return organizer;
    });
  }
}
