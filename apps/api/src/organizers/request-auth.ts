import type { Organizer, OrganizersService } from '@fachtag/organizers';
import { msg } from '@fachtag/common';
import { unauthenticated } from '../graphql/errors.js';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * The caller of one request. The bearer token is checked on first use and the
 * answer kept for the rest of the request. A token that is sent but invalid or
 * expired is an UNAUTHENTICATED error, never silently anonymous: the client
 * must learn to log in again.
 */
export class RequestAuth {
  private organizerPromise?: Promise<Organizer | null>;

  constructor(
    private readonly header: string | undefined,
    private readonly organizers: OrganizersService,
  ) {}

  /** The organizer behind the token, or null for anonymous callers. */
  organizer(): Promise<Organizer | null> {
    this.organizerPromise ??= this.resolve();
    return this.organizerPromise;
  }

  private async resolve(): Promise<Organizer | null> {
    if (!this.header) return null;
    const token = BEARER.exec(this.header)?.[1];
    if (!token) throw unauthenticated(msg('auth.header', {}));
    const organizer = await this.organizers.fromAccessToken(token);
    if (!organizer) throw unauthenticated(msg('auth.invalidToken', {}));
    return organizer;
  }
}
