import { EventStatus } from '../event.entity.js';

/**
 * Registration is open for a published event from `registrationOpensAt` (or
 * at once when null) until the cutoff `registrationClosesAt`, exclusive.
 */
export function isRegistrationOpen(
  event: { status: EventStatus; registrationOpensAt: Date | null; registrationClosesAt: Date },
  now: Date,
): boolean {
  if (event.status !== EventStatus.PUBLISHED) return false;
  const t = now.getTime();
  const opened = event.registrationOpensAt === null || t >= event.registrationOpensAt.getTime();
  return opened && t < event.registrationClosesAt.getTime();
}
