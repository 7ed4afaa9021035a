import { describe, expect, it } from '@jest/globals';
import { AgendaItemKind } from '../agenda-item-kind.js';
import { assertRemovableAgendaItem, assertRemovableWorkshop } from './removal.js';
import {
  assertWorkshopPhase,
  nextWorkshopNumber,
  validateWorkshop,
  type WorkshopDraft,
} from './workshop-rules.js';

const w: WorkshopDraft = {
  id: 'w1',
  number: 1,
  title: 'Kommunale Angebote unter einem Dach',
  subtitle: null,
  description: null,
  room: 'Raum 1',
  hosts: [{ name: 'Hans-Jürgen Lemmer', affiliation: 'Stadt Wuppertal' }],
  capacity: 25,
  seatsTaken: 0,
};
const field = (fn: () => void) => {
  try {
    fn();
    return null;
  } catch (error) {
    return (error as { field: string[] }).field;
  }
};

describe('validateWorkshop', () => {
  it('accepts a well-formed workshop', () => {
    expect(field(() => validateWorkshop(w, [{ id: 'w2', number: 2 }]))).toBeNull();
  });

  it.each<[Partial<WorkshopDraft>, string[]]>([
    [{ capacity: 0 }, ['capacity']],
    [{ capacity: 2.5 }, ['capacity']],
    [{ capacity: 4, seatsTaken: 5 }, ['capacity']],
    [{ number: 0 }, ['number']],
    [{ number: 2 }, ['number']],
    [{ title: '' }, ['title']],
    [{ room: 'x'.repeat(101) }, ['room']],
  ])('refuses %j naming the field', (change, expected) => {
    expect(field(() => validateWorkshop({ ...w, ...change }, [{ id: 'w2', number: 2 }]))).toEqual(
      expected,
    );
  });

  it('lives only in a WORKSHOP_PHASE', () => {
    expect(() => assertWorkshopPhase(AgendaItemKind.WORKSHOP_PHASE)).not.toThrow();
    expect(field(() => assertWorkshopPhase(AgendaItemKind.KEYNOTE))).toEqual(['phaseId']);
  });
});

describe('nextWorkshopNumber', () => {
  it('is one above the highest number of the event', () => {
    expect(nextWorkshopNumber([])).toBe(1);
    expect(nextWorkshopNumber([1, 2, 7])).toBe(8);
  });
});

describe('removal', () => {
  it('refuses to remove what registrations depend on, saying why', () => {
    expect(() => assertRemovableWorkshop(w)).not.toThrow();
    expect(() => assertRemovableWorkshop({ ...w, seatsTaken: 3 })).toThrow(
      /3 registrations chose it/,
    );
    expect(() => assertRemovableWorkshop({ ...w, seatsTaken: 3 })).toThrow(
      expect.objectContaining({ field: ['id'] }),
    );
    expect(() => assertRemovableAgendaItem({ title: 'Arbeitsphase I' }, [w])).not.toThrow();
    expect(() =>
      assertRemovableAgendaItem({ title: 'Arbeitsphase I' }, [
        w,
        { ...w, number: 2, seatsTaken: 4 },
      ]),
    ).toThrow(/4 registrations depend on its workshops \(workshop 2\)/);
  });
});

// Mutation testing (docs/quality.md, 6 December 2026)
describe('nextWorkshopNumber once the highest number is taken', () => {
  it('one above 9 999 is 10 000; after 10 000 it is the lowest free number', () => {
    expect(nextWorkshopNumber([9_999])).toBe(10_000);
    expect(nextWorkshopNumber([1, 2, 10_000])).toBe(3);
    expect(nextWorkshopNumber([2, 10_000])).toBe(1);
  });

  it('refuses on the phase when every number from 1 to 10 000 is used', () => {
    const all = Array.from({ length: 10_000 }, (_, i) => i + 1);
    expect(field(() => nextWorkshopNumber(all))).toEqual(['phaseId']);
    expect(nextWorkshopNumber(all.filter((n) => n !== 9_999))).toBe(9_999);
  });
});

describe('validateWorkshop, field by field at the bounds', () => {
  const others = [{ id: 'w2', number: 2 }];
  it.each<[Partial<WorkshopDraft>, Partial<WorkshopDraft>, string[]]>([
    [{ subtitle: 'x'.repeat(300) }, { subtitle: 'x'.repeat(301) }, ['subtitle']],
    [{ description: 'x'.repeat(10_000) }, { description: 'x'.repeat(10_001) }, ['description']],
    [{ hosts: [{ name: 'Ada' }] }, { hosts: [{ name: ' ' }] }, ['hosts', '0', 'name']],
    [{ number: 10_000 }, { number: 10_001 }, ['number']],
  ])('accepts %j, refuses %j naming %j', (fine, wrong, expected) => {
    expect(field(() => validateWorkshop({ ...w, ...fine }, others))).toBeNull();
    expect(field(() => validateWorkshop({ ...w, ...wrong }, others))).toEqual(expected);
  });

  it('keeps its own number when it is changed in place', () => {
    expect(field(() => validateWorkshop(w, [{ id: 'w1', number: 1 }, ...[]]))).toBeNull();
    expect(
      field(() =>
        validateWorkshop(w, [
          { id: 'w1', number: 1 },
          { id: 'w3', number: 1 },
        ]),
      ),
    ).toEqual(['number']);
  });
});
