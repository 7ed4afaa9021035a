import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MikroORM } from '@mikro-orm/core';
import ICAL from 'ical.js';
import {
  AgendaItem,
  AgendaItemKind,
  Event,
  seedDemoIfEmpty,
  seedTransferforum,
  transferforumSchedule,
  Workshop,
} from '@fachtag/events';
import { Organizer } from '@fachtag/organizers';
import { startTestApp, type TestApp } from './harness/index.js';

const NOW = new Date('2026-11-21T06:45:00Z');

const clock = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  hour: '2-digit',
  minute: '2-digit',
});
const timeOfDay = (d: Date) => clock.format(d);

describe('the Transferforum demo data', () => {
  let t: TestApp;
  let orm: MikroORM;
  let owner: Organizer;
  beforeAll(async () => {
    t = await startTestApp();
    orm = t.app.get(MikroORM);
    const em = orm.em.fork();
    owner = em.create(Organizer, {
      email: 'demo-owner@test.example',
      name: 'Demo Owner',
      passwordHash: 'not-used',
    });
    await em.flush();
  });
  afterAll(() => t.close());

  const counts = async () => {
    const em = orm.em.fork();
    return [await em.count(Event), await em.count(AgendaItem), await em.count(Workshop)];
  };

  it('seedDemoIfEmpty does nothing when SEED_DEMO is off or the organizer is missing', async () => {
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    const off = { seedDemo: false, organizerEmail: 'demo-owner@test.example' };
    expect(await seedDemoIfEmpty(orm, off, log, NOW)).toBeNull();
    const missing = { seedDemo: true, organizerEmail: 'nobody@test.example' };
    expect(await seedDemoIfEmpty(orm, missing, log, NOW)).toBeNull();
    expect(lines).toEqual(['demo data skipped: organizer nobody@test.example does not exist']);
    expect(await counts()).toEqual([0, 0, 0]);
  });

  it('seedDemoIfEmpty loads the upcoming edition on an empty database, once', async () => {
    const config = { seedDemo: true, organizerEmail: 'demo-owner@test.example' };
    const lines: string[] = [];
    const result = await seedDemoIfEmpty(orm, config, (l) => lines.push(l), NOW);
    expect(result?.created).toBe(true);
    expect(result?.event.slug).toBe('transferforum-koeln-2027');
    expect(lines[0]).toMatch(/^demo event loaded: Transferforum/);
    expect(await counts()).toEqual([1, 6, 10]);
    expect(await seedDemoIfEmpty(orm, config, () => undefined, NOW)).toBeNull();
    expect(await counts()).toEqual([1, 6, 10]);
  });

  it('is idempotent per edition', async () => {
    const em = orm.em.fork();
    const first = await seedTransferforum(em, owner, { edition: '2018', now: NOW });
    expect(first.created).toBe(true);
    const again = await seedTransferforum(orm.em.fork(), owner, { edition: '2018', now: NOW });
    const upcoming = await seedTransferforum(orm.em.fork(), owner, {
      edition: 'upcoming',
      now: NOW,
    });
    expect([again.created, upcoming.created]).toEqual([false, false]);
    expect(again.event.id).toBe(first.event.id);
    expect(await counts()).toEqual([2, 12, 20]);
  });

  it('dates the upcoming edition into the future with an open registration', async () => {
    const event = await orm.em.fork().findOneOrFail(Event, { slug: 'transferforum-koeln-2027' });
    expect(event.status).toBe('PUBLISHED');
    expect(event.owner.id).toBe(owner.id);
    // first Tuesday at least eight weeks after 21 Nov 2026: 19 Jan 2027 (winter time)
    expect(event.startsAt.toISOString()).toBe('2027-01-19T08:00:00.000Z');
    expect(event.registrationOpensAt).toBeNull();
    expect(event.registrationClosesAt.toISOString()).toBe('2026-12-29T22:59:59.000Z');
    expect(event.registrationClosesAt.getTime()).toBeGreaterThan(NOW.getTime());
    expect(event.registrationClosesAt.getTime()).toBeLessThan(event.startsAt.getTime());
    // and from today's clock (one reading) too
    const today = new Date();
    expect(today.getTime()).toBeLessThan(
      transferforumSchedule('upcoming', today).registrationClosesAt.getTime(),
    );
  });

  it('keeps the 2018 edition on its historical dates with a closed registration', async () => {
    const event = await orm.em.fork().findOneOrFail(Event, { slug: 'transferforum-koeln-2018' });
    expect(event.startsAt.toISOString()).toBe('2018-06-19T07:00:00.000Z');
    expect(event.endsAt.toISOString()).toBe('2018-06-19T14:30:00.000Z');
    // Sunday, 27 May 2018, end of day in Cologne (CEST)
    expect(event.registrationClosesAt.toISOString()).toBe('2018-05-27T21:59:59.000Z');
    expect(event.registrationClosesAt.getTime()).toBeLessThan(Date.now());
  });

  it.each(['transferforum-koeln-2018', 'transferforum-koeln-2027'])(
    '%s runs 09:00–16:30 Europe/Berlin with two phases of five workshops and their hosts',
    async (slug) => {
      const em = orm.em.fork();
      const event = await em.findOneOrFail(Event, { slug });
      expect([timeOfDay(event.startsAt), timeOfDay(event.endsAt)]).toEqual(['09:00', '16:30']);
      expect(event.venue).toMatchObject({ street: 'Im Mediapark 7', postalCode: '50670' });
      expect(event.organizerName).toBe('Deutsche Kinder- und Jugendstiftung');
      expect(event.costNote).toContain('kostenlos');
      expect(event.capacity).toBe(150);
      expect(event.description).toContain('für diese Demo gewählt');
      const items = await em.find(AgendaItem, { event }, { orderBy: { startsAt: 'asc' } });
      expect(items.map((i) => `${timeOfDay(i.startsAt)}–${timeOfDay(i.endsAt)} ${i.kind}`)).toEqual(
        [
          '09:00–09:30 ARRIVAL',
          '09:30–10:10 WELCOME',
          '10:10–11:15 KEYNOTE',
          '11:30–13:00 WORKSHOP_PHASE',
          '14:00–15:45 WORKSHOP_PHASE',
          '16:00–16:30 CLOSING',
        ],
      );
      const keynote = items.find((i) => i.kind === AgendaItemKind.KEYNOTE)!;
      expect(keynote.speakers).toEqual([
        { name: 'Prof. Dr. Jörg Bogumil', affiliation: 'Ruhr-Universität Bochum' },
      ]);
      const workshops = await em.find(Workshop, { event }, { orderBy: { number: 'asc' } });
      const phases = items.filter((i) => i.kind === AgendaItemKind.WORKSHOP_PHASE);
      for (const [index, phase] of phases.entries()) {
        const own = workshops.filter((w) => w.phase.id === phase.id);
        expect(own.map((w) => w.number)).toEqual([1, 2, 3, 4, 5].map((n) => n + index * 5));
        expect(own.every((w) => w.hosts.length > 0 && w.room)).toBe(true);
        expect(own.every((w) => w.capacity >= 25 && w.capacity <= 35)).toBe(true);
        expect(own.reduce((sum, w) => sum + w.capacity, 0)).toBeGreaterThanOrEqual(150);
      }
      expect(workshops.find((w) => w.number === 1)!.hosts[0].name).toBe('Jürgen Lemmer');
    },
  );

  it('comes out of the public calendar feed as 6 items and 10 workshops at Cologne times', async () => {
    const res = await fetch(`${t.baseUrl}/calendar/events/transferforum-koeln-2018.ics`);
    expect(res.status).toBe(200);
    const calendar = new ICAL.Component(ICAL.parse(await res.text()));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(16);
    const keynote = events.find((e) => e.summary.startsWith('Keynote'))!;
    expect(timeOfDay(keynote.startDate.toJSDate())).toBe('10:10');
    expect(keynote.location).toBe(
      'Plenarsaal, KOMED im MediaPark GmbH, Im Mediapark 7, 50670 Köln, Deutschland',
    );
    const ws5 = events.find((e) => e.summary.startsWith('Workshop 5:'))!;
    expect(timeOfDay(ws5.startDate.toJSDate())).toBe('11:30');
    expect(ws5.description).toContain('Landkreises Schwandorf');
  });
});
