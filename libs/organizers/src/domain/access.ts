import { msg, render, type Msg } from '@fachtag/common';

/** Who is calling: an authenticated organizer, or null for anonymous callers. */
export interface Actor {
  id: string;
  isAdmin: boolean;
}

/** The caller is anonymous (or its token is invalid) where an organizer is required. */
export class NotAuthenticatedError extends Error {
  constructor(readonly text: Msg = msg('auth.required', {})) {
    super(render(text, 'en'));
    this.name = 'NotAuthenticatedError';
  }
}

/** The caller is an organizer, but not one who may do this. */
export class AccessDeniedError extends Error {
  constructor(readonly text: Msg = msg('auth.notYourEvent', {})) {
    super(render(text, 'en'));
    this.name = 'AccessDeniedError';
  }
}

/** The organizer behind the call; throws {@link NotAuthenticatedError} for anonymous callers. */
export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new NotAuthenticatedError();
  return actor;
}

/** True when `actor` may manage an event owned by `ownerId`: its owner or an admin. */
export function mayManage(actor: Actor | null, ownerId: string): boolean {
  return actor !== null && (actor.isAdmin || actor.id === ownerId);
}

/**
 * The one authorization rule for events: the owner or an admin may manage it;
 * other organizers get {@link AccessDeniedError}, anonymous callers
 * {@link NotAuthenticatedError}.
 */
export function assertMayManage(actor: Actor | null, ownerId: string): Actor {
  const known = requireActor(actor);
  if (!mayManage(known, ownerId)) throw new AccessDeniedError();
  return known;
}

/** Admin-only operations (creating organizers). */
export function assertAdmin(actor: Actor | null): Actor {
  const known = requireActor(actor);
  if (!known.isAdmin) throw new AccessDeniedError(msg('auth.adminOnly', {}));
  return known;
}
