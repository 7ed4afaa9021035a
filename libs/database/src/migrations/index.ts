import type { MigrationObject } from '@mikro-orm/core';
import { Migration0001Events } from './migration-0001-events.js';
import { Migration0003Registrations } from './migration-0003-registrations.js';
import { Migration0004EventChangeSeq } from './migration-0004-event-change-seq.js';
import { Migration0005RateLimits } from './migration-0005-rate-limits.js';
import { Migration0006SeatingRegister } from './migration-0006-seating-register.js';
import { Migration0007ManageTokenNonce } from './migration-0007-manage-token-nonce.js';
import { Migration0008MailChanges } from './migration-0008-mail-changes.js';
import { Migration0009OrganizerDeactivation } from './migration-0009-organizer-deactivation.js';
import { Migration0010SeatingChanges } from './migration-0010-seating-changes.js';
import { Migration0011RegistrationHistory } from './migration-0011-registration-history.js';
import { Migration0012SeatingAdmit } from './migration-0012-seating-admit.js';

/**
 * Every migration in order. Listed explicitly (no folder scan) so the same
 * list works from TypeScript sources under jest and from the compiled build.
 */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration0001Events', class: Migration0001Events },
  { name: 'Migration0003Registrations', class: Migration0003Registrations },
  { name: 'Migration0004EventChangeSeq', class: Migration0004EventChangeSeq },
  { name: 'Migration0005RateLimits', class: Migration0005RateLimits },
  { name: 'Migration0006SeatingRegister', class: Migration0006SeatingRegister },
  { name: 'Migration0007ManageTokenNonce', class: Migration0007ManageTokenNonce },
  { name: 'Migration0008MailChanges', class: Migration0008MailChanges },
  { name: 'Migration0009OrganizerDeactivation', class: Migration0009OrganizerDeactivation },
  { name: 'Migration0010SeatingChanges', class: Migration0010SeatingChanges },
  { name: 'Migration0011RegistrationHistory', class: Migration0011RegistrationHistory },
  { name: 'Migration0012SeatingAdmit', class: Migration0012SeatingAdmit },
];
