import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { Organizer } from '@fachtag/organizers';
import { transaction } from '@fachtag/database';
import { AgendaItem } from '../agenda-item.entity.js';
import { Event, EventStatus } from '../event.entity.js';
import { Workshop } from '../workshop.entity.js';
import {
  addDays,
  localDate,
  weekday,
  zonedTimeToUtc,
  type LocalDate,
} from '../domain/zoned-time.js';
import { TRANSFERFORUM, TRANSFERFORUM_AGENDA, type DemoAgendaItem } from './transferforum-data.js';

export * from './transferforum-data.js';

/** 'upcoming': dated into the future, open for registration; '2018': the historical day. */
export type DemoEdition = 'upcoming' | '2018';

/** When an edition takes place and until when one may register. */
export interface DemoSchedule {
  slug: string;
  date: LocalDate;
  registrationClosesAt: Date;
}

const TUESDAY = 2;
/** Far enough ahead that the cutoff (three weeks before) is five weeks away. */
const UPCOMING_MIN_DAYS = 56;
const CUTOFF_DAYS_BEFORE = 21;

/**
 * The upcoming edition falls on the first Tuesday (the 2018 weekday) at least
 * eight weeks after `now`, with the cutoff at the end of the day three weeks
 * before; the 2018 edition keeps its historical dates.
 */
export function transferforumSchedule(edition: DemoEdition, now: Date): DemoSchedule {
  const zone = TRANSFERFORUM.timeZone;
  let date: LocalDate = TRANSFERFORUM.historical.date;
  let closesOn: LocalDate = TRANSFERFORUM.historical.registrationUntil;
  if (edition === 'upcoming') {
    date = addDays(localDate(now, zone), UPCOMING_MIN_DAYS);
    date = addDays(date, (TUESDAY - weekday(date) + 7) % 7);
    closesOn = addDays(date, -CUTOFF_DAYS_BEFORE);
  }
  return {
    slug: `transferforum-koeln-${date.slice(0, 4)}`,
    date,
    registrationClosesAt: zonedTimeToUtc(closesOn, '23:59:59', zone),
  };
}

/** The outcome of seeding one edition. */
export interface SeedResult {
  event: Event;
  /** False when an event with the edition's slug existed already (nothing was changed). */
  created: boolean;
}

function createAgendaItem(em: EntityManager, event: Event, demo: DemoAgendaItem, date: LocalDate) {
  const at = (time: string) => zonedTimeToUtc(date, time, TRANSFERFORUM.timeZone);
  const item = em.create(AgendaItem, {
    event,
    kind: demo.kind,
    title: demo.title,
    subtitle: demo.subtitle ?? null,
    description: demo.description ?? null,
    startsAt: at(demo.start),
    endsAt: at(demo.end),
    room: demo.room ?? null,
    speakers: demo.speakers ?? [],
  });
  for (const w of demo.workshops ?? []) {
    em.create(Workshop, {
      event,
      phase: item,
      number: w.number,
      title: w.title,
      subtitle: w.subtitle,
      description: w.description,
      room: w.room,
      hosts: w.hosts,
      capacity: w.capacity,
    });
  }
}

async function insertEdition(
  em: EntityManager,
  ownerId: string,
  schedule: DemoSchedule,
): Promise<SeedResult> {
  const existing = await em.findOne(Event, { slug: schedule.slug });
  if (existing) return { event: existing, created: false };
  const tf = TRANSFERFORUM;
  const event = em.create(Event, {
    slug: schedule.slug,
    title: tf.title,
    subtitle: tf.subtitle,
    description: tf.description,
    status: EventStatus.PUBLISHED,
    language: tf.language,
    timeZone: tf.timeZone,
    startsAt: zonedTimeToUtc(schedule.date, tf.start, tf.timeZone),
    endsAt: zonedTimeToUtc(schedule.date, tf.end, tf.timeZone),
    venue: { ...tf.venue },
    organizerName: tf.organizerName,
    contactEmail: null,
    costNote: tf.costNote,
    registrationOpensAt: null,
    registrationClosesAt: schedule.registrationClosesAt,
    capacity: tf.capacity,
    owner: em.getReference(Organizer, ownerId),
  });
  for (const demo of TRANSFERFORUM_AGENDA) createAgendaItem(em, event, demo, schedule.date);
  await em.flush();
  return { event, created: true };
}

/**
 * Creates one published edition of the Cologne Transferforum with its whole
 * programme, owned by `owner`, in one transaction. Idempotent: when the
 * edition's slug exists (also when a concurrent start created it a moment
 * ago) nothing is changed.
 */
export async function seedTransferforum(
  em: EntityManager,
  owner: Pick<Organizer, 'id'>,
  options: { edition: DemoEdition; now?: Date },
): Promise<SeedResult> {
  const schedule = transferforumSchedule(options.edition, options.now ?? new Date());
  try {
    return await transaction(em, (tx) => insertEdition(tx, owner.id, schedule));
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    const event = await em.fork().findOneOrFail(Event, { slug: schedule.slug });
    return { event, created: false };
  }
}
