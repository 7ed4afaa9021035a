import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { MikroORM, type LogContext } from '@mikro-orm/core';
import { addItem, addWorkshop, createEvent, day, publish } from './factories/events.js';
import { login } from './factories/organizers.js';
import { startTestApp, type TestApp } from './harness/index.js';

// The full public agenda: event → items → workshops → hosts and every capacity field,
// plus each workshop's phase and the event's own computed fields.
const FULL_AGENDA = `query($slug: String) {
  event(slug: $slug) {
    id title capacity seatsTaken seatsLeft capacityStatus waitlistCount isRegistrationOpen calendarUrl
    venue { name city }
    agenda {
      id kind title startsAt endsAt room speakers { name affiliation }
      workshops {
        id number title room capacity seatsTaken seatsLeft capacityStatus capacityWarning
        hosts { name affiliation }
        phase { id title }
      }
    }
  }
}`;

describe('the agenda query', () => {
  let t: TestApp;
  let token: string;

  /** An event with two workshop phases and `workshops` workshops spread over them. */
  async function eventWith(slug: string, workshops: number): Promise<void> {
    const at = day(40);
    const event = await createEvent(t, token, { slug, capacity: 500 }, 40);
    await addItem(t, token, event.id, {
      kind: 'ARRIVAL',
      title: 'Ankommen',
      startsAt: at('09:00'),
      endsAt: at('09:30'),
    });
    const phases = [
      await addItem(t, token, event.id, {
        kind: 'WORKSHOP_PHASE',
        title: 'Arbeitsphase I',
        startsAt: at('11:30'),
        endsAt: at('13:00'),
      }),
      await addItem(t, token, event.id, {
        kind: 'WORKSHOP_PHASE',
        title: 'Arbeitsphase II',
        startsAt: at('14:00'),
        endsAt: at('15:30'),
      }),
    ];
    for (let n = 0; n < workshops; n++) {
      await addWorkshop(t, token, phases[n % 2].id, {
        title: `Workshop ${n + 1}`,
        capacity: 25,
        hosts: [{ name: `Host ${n + 1}`, affiliation: 'Stadt Köln' }],
      });
    }
    await publish(t, token, event.id);
  }

  /** Runs the query anonymously and returns the SQL statements the ORM sent meanwhile. */
  async function statementsOf(slug: string): Promise<{ statements: string[]; workshops: number }> {
    const logger = t.app.get(MikroORM).config.getLogger();
    const statements: string[] = [];
    const spy = jest.spyOn(logger, 'logQuery').mockImplementation((context: LogContext) => {
      statements.push(String(context.query));
    });
    try {
      const data = await t.data<{ event: { agenda: Array<{ workshops: unknown[] }> } }>(
        FULL_AGENDA,
        { slug },
      );
      return {
        statements,
        workshops: data.event.agenda.reduce((sum, i) => sum + i.workshops.length, 0),
      };
    } finally {
      spy.mockRestore();
    }
  }

  beforeAll(async () => {
    t = await startTestApp();
    token = await login(t);
    await eventWith('small', 2);
    await eventWith('large', 20);
  });
  afterAll(() => t.close());

  it('runs the same small number of SQL statements for 2 and for 20 workshops', async () => {
    const small = await statementsOf('small');
    const large = await statementsOf('large');
    expect(small.workshops).toBe(2);
    expect(large.workshops).toBe(20);
    // the event, its agenda items, the phases' workshops; phases and events come primed
    expect(large.statements.length).toBe(small.statements.length);
    // the hook sees the statements at all: at least event, agenda items and workshops
    expect(small.statements.length).toBeGreaterThanOrEqual(3);
    expect(large.statements.length).toBeLessThanOrEqual(3);
    expect(large.statements.every((s) => /^select /i.test(s))).toBe(true);
  });
});
