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
    expect(() => assertRemovableAgendaItem({ title: 'Arbeitsphase I' }, [w])).not.toThrow();
    expect(() =>
      assertRemovableAgendaItem({ title: 'Arbeitsphase I' }, [
        w,
        { ...w, number: 2, seatsTaken: 4 },
      ]),
    ).toThrow(/4 registrations depend on its workshops \(workshop 2\)/);
  });
});
