import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { sql } from '@fachtag/database';
import { choosePromotionWorkshops, type WorkshopSeats } from '@fachtag/seating';
import { startTestApp, type TestApp } from './harness/index.js';
import { freshEm } from './registrations-helpers.js';

/**
 * The promotion's choice of workshops runs in SQL (`seating_promotion_choice`,
 * migration 0010, inside `seating_promote`) because promotion happens under the
 * event lock in one database call. Its TypeScript twin `choosePromotionWorkshops`
 * is the rule's reference (unit specs in libs/seating/src/domain): both must
 * give the same answer for the same cases, the spec's examples and random ones.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ RUN_WORKER: 'false' });
});
afterAll(() => t.close());

/** A stable UUID per short name, so cases read like the unit spec's. */
const names = new Map<string, string>();
const uuid = (name: string): string => {
  if (!names.has(name)) {
    const hex = (names.size + 1).toString(16).padStart(12, '0');
    names.set(name, `00000000-0000-4000-8000-${hex}`);
  }
  return names.get(name)!;
};

interface Case {
  phaseIds: string[];
  workshops: WorkshopSeats[];
  wishes: [string, string][];
}

/** Both answers, as workshop names in phase order (null: nobody can be promoted). */
async function both(c: Case): Promise<{ ts: string[] | null; sql: string[] | null }> {
  const byUuid = new Map(c.workshops.map((w) => [uuid(w.id), w.id]));
  const ts = choosePromotionWorkshops(c.phaseIds, c.workshops, new Map(c.wishes));
  const [row] = await sql<{ choice: string[] | null }>(
    freshEm(t),
    `select seating_promotion_choice($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::int[],
              $6::int[], $7::uuid[], $8::uuid[])::text[] as choice`,
    [
      c.phaseIds.map(uuid),
      c.workshops.map((w) => uuid(w.id)),
      c.workshops.map((w) => uuid(w.phaseId)),
      c.workshops.map((w) => w.number),
      c.workshops.map((w) => w.capacity),
      c.workshops.map((w) => w.seatsTaken),
      c.wishes.map(([phase]) => uuid(phase)),
      c.wishes.map(([, workshop]) => uuid(workshop)),
    ],
  );
  return {
    ts: ts === null ? null : ts.map((x) => x.workshopId),
    sql: row.choice === null ? null : row.choice.map((id) => byUuid.get(id)!),
  };
}

const w = (id: string, phaseId: string, number: number, capacity: number, seatsTaken: number) => ({
  id,
  phaseId,
  number,
  capacity,
  seatsTaken,
});

describe('seating_promotion_choice agrees with choosePromotionWorkshops', () => {
  const all = [
    w('a', 'p', 1, 2, 2),
    w('b', 'p', 2, 5, 1),
    w('c', 'p', 3, 5, 3),
    w('d', 'q', 4, 1, 0),
  ];
  const examples: [string, Case][] = [
    [
      'a full wish gives way to the most seats left',
      {
        phaseIds: ['p', 'q'],
        workshops: all,
        wishes: [
          ['p', 'a'],
          ['q', 'd'],
        ],
      },
    ],
    ['a wish with a seat is kept', { phaseIds: ['p', 'q'], workshops: all, wishes: [['p', 'c']] }],
    [
      'a tie of seats left goes to the lower number',
      {
        phaseIds: ['p'],
        workshops: [w('late', 'p', 7, 4, 1), w('early', 'p', 2, 3, 0), w('full', 'p', 1, 1, 1)],
        wishes: [['p', 'full']],
      },
    ],
    [
      'nobody while a phase has no seat',
      {
        phaseIds: ['p', 'q'],
        workshops: [...all.slice(0, 3), w('d', 'q', 4, 1, 1)],
        wishes: [],
      },
    ],
    [
      'phases without workshops are skipped',
      { phaseIds: ['empty', 'q'], workshops: all, wishes: [['q', 'd']] },
    ],
    ['no phases at all', { phaseIds: [], workshops: [], wishes: [] }],
    [
      'a wish for another phase’s workshop is no wish here',
      { phaseIds: ['p'], workshops: all, wishes: [['p', 'd']] },
    ],
  ];

  it.each(examples)('%s', async (_name, c) => {
    const answer = await both(c);
    expect(answer.sql).toEqual(answer.ts);
  });

  it('on random programmes, seats and wishes', async () => {
    const phase = fc.constantFrom('p1', 'p2', 'p3');
    const workshop = fc.record({
      phaseId: phase,
      number: fc.integer({ min: 1, max: 6 }),
      capacity: fc.integer({ min: 1, max: 4 }),
      taken: fc.integer({ min: 0, max: 5 }),
    });
    const programme = fc
      .tuple(
        fc.array(workshop, { minLength: 0, maxLength: 7 }),
        fc.shuffledSubarray(['p1', 'p2', 'p3', 'p4']),
        fc.array(fc.tuple(phase, fc.nat(6)), { maxLength: 3 }),
      )
      .map(([ws, phaseIds, wishes]): Case => {
        const workshops = ws.map((x, i) => w(`w${i}`, x.phaseId, x.number, x.capacity, x.taken));
        // one wish per phase at most (a registration holds one choice per phase)
        const wished = new Map<string, string>();
        for (const [p, i] of wishes) if (i < workshops.length) wished.set(p, `w${i}`);
        return { phaseIds, workshops, wishes: [...wished] };
      });
    await fc.assert(
      fc.asyncProperty(programme, async (c) => {
        const answer = await both(c);
        expect(answer.sql).toEqual(answer.ts);
      }),
      { numRuns: 300 },
    );
  });
});
