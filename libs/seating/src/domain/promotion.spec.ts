import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  choosePromotionWorkshops,
  seatMoves,
  workshopAlternatives,
  type WorkshopSeats,
} from './promotion.js';

const w = (id: string, phaseId: string, number: number, capacity: number, seatsTaken: number) => ({
  id,
  phaseId,
  number,
  capacity,
  seatsTaken,
});

describe('workshopAlternatives', () => {
  it('lists the same phase’s workshops with seats, most seats left first', () => {
    const all = [
      w('a', 'p', 1, 10, 10),
      w('b', 'p', 2, 10, 8),
      w('c', 'p', 3, 10, 2),
      w('d', 'p', 4, 5, 5),
      w('e', 'q', 5, 9, 0),
    ];
    expect(workshopAlternatives(all, 'a').map((x) => x.id)).toEqual(['c', 'b']);
  });

  it('orders equal seats left by programme number, and knows no alternatives to an unknown id', () => {
    const all = [
      w('z', 'p', 9, 5, 5),
      w('y', 'p', 3, 4, 1),
      w('x', 'p', 2, 6, 3),
      w('v', 'p', 1, 3, 0),
    ];
    expect(workshopAlternatives(all, 'z').map((x) => x.id)).toEqual(['v', 'x', 'y']);
    expect(workshopAlternatives(all, 'nope')).toEqual([]);
    // never the workshop itself, even while it still has a seat
    expect(workshopAlternatives(all, 'x').map((a) => a.id)).toEqual(['v', 'y']);
  });
});

describe('choosePromotionWorkshops', () => {
  const all = [
    w('a', 'p', 1, 2, 2),
    w('b', 'p', 2, 5, 1),
    w('c', 'p', 3, 5, 3),
    w('d', 'q', 4, 1, 0),
  ];

  it('keeps wishes with seats and otherwise picks the phase’s workshop with most seats left', () => {
    const wishes = new Map([
      ['p', 'a'],
      ['q', 'd'],
    ]);
    expect(choosePromotionWorkshops(['p', 'q'], all, wishes)).toEqual([
      { phaseId: 'p', workshopId: 'b' },
      { phaseId: 'q', workshopId: 'd' },
    ]);
    expect(choosePromotionWorkshops(['p', 'q'], all, new Map([['p', 'c']]))?.[0].workshopId).toBe(
      'c',
    );
  });

  it('breaks a tie of seats left by programme number, whatever the input order', () => {
    const tied = [w('late', 'p', 7, 4, 1), w('early', 'p', 2, 3, 0), w('full', 'p', 1, 1, 1)];
    expect(choosePromotionWorkshops(['p'], tied, new Map())).toEqual([
      { phaseId: 'p', workshopId: 'early' },
    ]);
    expect(choosePromotionWorkshops(['p'], [...tied].reverse(), new Map([['p', 'full']]))).toEqual([
      { phaseId: 'p', workshopId: 'early' },
    ]);
  });

  it('promotes nobody while a phase has no seat at all', () => {
    expect(
      choosePromotionWorkshops(['p', 'q'], [...all.slice(0, 3), w('d', 'q', 4, 1, 1)], new Map()),
    ).toBeNull();
  });

  it('property: the choice has one workshop with a seat per phase, the wish whenever it has one', () => {
    const workshop = fc.record({
      phase: fc.constantFrom('p', 'q', 'r'),
      capacity: fc.integer({ min: 1, max: 5 }),
      taken: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(
        fc.array(workshop, { maxLength: 8 }),
        fc.array(fc.nat(8), { maxLength: 3 }),
        (raw, wishIdx) => {
          const ws: WorkshopSeats[] = raw.map((x, i) =>
            w(`w${i}`, x.phase, i + 1, x.capacity, Math.min(x.taken, x.capacity)),
          );
          const wishes = new Map<string, string>();
          for (const i of wishIdx) if (ws[i]) wishes.set(ws[i].phaseId, ws[i].id);
          const phases = ['p', 'q', 'r'];
          const choice = choosePromotionWorkshops(phases, ws, wishes);
          const withWorkshops = phases.filter((p) => ws.some((x) => x.phaseId === p));
          const hasSeat = (x: WorkshopSeats) => x.seatsTaken < x.capacity;
          if (choice === null) {
            expect(withWorkshops.some((p) => !ws.some((x) => x.phaseId === p && hasSeat(x)))).toBe(
              true,
            );
            return;
          }
          expect(choice.map((c) => c.phaseId)).toEqual(withWorkshops);
          for (const c of choice) {
            const picked = ws.find((x) => x.id === c.workshopId)!;
            expect(picked.phaseId).toBe(c.phaseId);
            expect(hasSeat(picked)).toBe(true);
            const wish = ws.find((x) => x.id === wishes.get(c.phaseId));
            if (wish && hasSeat(wish)) expect(picked.id).toBe(wish.id);
          }
        },
      ),
    );
  });
});

describe('seatMoves', () => {
  it('takes only seats not held yet and releases only seats no longer wanted', () => {
    expect(seatMoves(['b', 'a'], ['c', 'b'])).toEqual({ release: ['a'], take: ['c'] });
    expect(seatMoves(['a'], ['a'])).toEqual({ release: [], take: [] });
  });

  it('property: releases and takes are disjoint, sorted, and turn current into next', () => {
    const ids = fc.uniqueArray(fc.constantFrom<string>('a', 'b', 'c', 'd', 'e', 'f'));
    fc.assert(
      fc.property(ids, ids, (current, next) => {
        const { release, take } = seatMoves(current, next);
        expect(release).toEqual([...release].sort());
        expect(take).toEqual([...take].sort());
        const after = new Set(current.filter((id) => !release.includes(id)).concat(take));
        expect([...after].sort()).toEqual([...next].sort());
      }),
    );
  });
});
