import { unauthenticated } from '../graphql/errors.js';

/** The GraphQL context as far as this module needs it. */
export interface RequestContext {
  req?: { headers?: Record<string, string | string[] | undefined> };
}

/**
 * Throws unless the caller may manage `eventId`.
 *
 * TODO(lead): wire to the organizer auth (verify the access token, then FORBIDDEN
 * unless the organizer owns the event or is an admin). Until then it only
 * demands that a bearer token is present, so anonymous callers get
 * UNAUTHENTICATED; it does not check the token.
 */
export async function requireEventManager(context: RequestContext, eventId: string): Promise<void> {
  void eventId;
  const header = context.req?.headers?.authorization;
  const value = Array.isArray(header) ? header[0] : header;
  if (!value || !/^Bearer\s+\S+/i.test(value)) throw unauthenticated();
}
