import type { EntityManager } from '@mikro-orm/core';
import type { AppConfig } from '@fachtag/config';
import { Organizer } from '@fachtag/organizers';
import { Event } from '../event.entity.js';
import { seedTransferforum, type SeedResult } from './transferforum.js';

/**
 * On a fresh installation (config.seedDemo and no event at all), loads the
 * upcoming Transferforum owned by the configured organizer, so a newcomer can
 * register at once. Runs after the organizer was created at start; when it is
 * missing, logs why and seeds nothing. Resolves with what was seeded, or null.
 */
export async function seedDemoIfEmpty(
  orm: { em: { fork(): EntityManager } },
  config: Pick<AppConfig, 'seedDemo' | 'organizerEmail'>,
  log: (line: string) => void = (line) => process.stdout.write(`fachtag: ${line}\n`),
  now: Date = new Date(),
): Promise<SeedResult | null> {
  if (!config.seedDemo) return null;
  const em = orm.em.fork();
  if ((await em.count(Event, {})) > 0) return null;
  const email = config.organizerEmail;
  const owner = await em.findOne(Organizer, { email });
  if (!owner) {
    log(`demo data skipped: organizer ${email} does not exist`);
    return null;
  }
  const result = await seedTransferforum(em, owner, { edition: 'upcoming', now });
  if (result.created) {
    log(`demo event loaded: ${result.event.title} (${result.event.slug}), owned by ${email}`);
  }
  return result;
}
