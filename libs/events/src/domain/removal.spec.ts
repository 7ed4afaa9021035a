import { describe, expect, it } from '@jest/globals';
import { InvalidInputError } from '@fachtag/common';
import { assertRemovableAgendaItem, assertRemovableWorkshop } from './removal.js';

const unused = { number: 1, title: 'Haus der Integration', seatsTaken: 0 };

describe('assertRemovableWorkshop', () => {
  it('lets a workshop nobody chose or wishes go', () => {
    expect(() => assertRemovableWorkshop(unused)).not.toThrow();
    expect(() => assertRemovableWorkshop({ ...unused, wishes: 0 })).not.toThrow();
  });

  it('keeps one with seats taken or wished by the waiting list, counting both', () => {
    expect(() => assertRemovableWorkshop({ ...unused, seatsTaken: 1 })).toThrow(InvalidInputError);
    expect(() => assertRemovableWorkshop({ ...unused, seatsTaken: 2, wishes: 1 })).toThrow(
      "Workshop 1 'Haus der Integration' cannot be removed: 3 registrations chose it. Ask them to choose another workshop (or cancel their registrations) first.",
    );
    expect(() => assertRemovableWorkshop({ ...unused, wishes: 1 })).toThrow(
      /cannot be removed: 1 registrations chose it/,
    );
  });
});

describe('assertRemovableAgendaItem', () => {
  it('lets an item go whose workshops nobody depends on', () => {
    expect(() => assertRemovableAgendaItem({ title: 'Arbeitsphase I' }, [])).not.toThrow();
    expect(() => assertRemovableAgendaItem({ title: 'Arbeitsphase I' }, [unused])).not.toThrow();
  });

  it('names the count and the numbers of the workshops others depend on', () => {
    let error: unknown;
    try {
      assertRemovableAgendaItem({ title: 'Arbeitsphase I' }, [
        { ...unused, number: 1, seatsTaken: 2 },
        { ...unused, number: 2 },
        { ...unused, number: 3, seatsTaken: 1, wishes: 2 },
      ]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).field).toEqual(['id']);
    expect((error as Error).message).toBe(
      "'Arbeitsphase I' cannot be removed: 5 registrations depend on its workshops (workshop 1, 3).",
    );
  });
});
