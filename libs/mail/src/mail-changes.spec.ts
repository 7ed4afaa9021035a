import { describe, expect, it } from '@jest/globals';
import { mergeChanges, type MailChange } from './mail-changes.js';

const w = (id: string, number: number) => ({ id, number, title: `Thema ${number}` });
const time = (from: string, to: string): MailChange => ({
  type: 'time',
  target: 'phase-1',
  label: 'Arbeitsphase I',
  from: { startsAt: from, endsAt: '2027-06-15T11:00:00.000Z' },
  to: { startsAt: to, endsAt: '2027-06-15T11:00:00.000Z' },
});

describe('mergeChanges', () => {
  it('keeps the first old and the last new value per target, and drops a change undone', () => {
    const merged = mergeChanges([time('09:00', '09:30'), time('09:30', '10:00')], []);
    expect(merged).toEqual([
      expect.objectContaining({ from: expect.objectContaining({ startsAt: '09:00' }) }),
    ]);
    expect(merged[0]).toMatchObject({ to: { startsAt: '10:00' } });
    expect(mergeChanges([time('09:00', '09:30'), time('09:30', '09:00')], [])).toEqual([]);
  });

  it('names workshops dropped and not chosen again, added and still held; details once', () => {
    const merged = mergeChanges(
      [
        { type: 'workshops', dropped: [w('a', 1)], added: [w('b', 2)] },
        { type: 'details' },
        { type: 'workshops', dropped: [w('b', 2)], added: [w('c', 3)] },
        { type: 'details' },
        { type: 'room', target: 'a', label: 'Workshop 1', from: 'Raum 1', to: 'Saal' },
      ],
      ['c'],
    );
    expect(merged).toEqual([
      { type: 'workshops', dropped: [w('a', 1)], added: [w('c', 3)] },
      { type: 'details' },
    ]);
    // away and back again: nothing happened to the workshops
    expect(
      mergeChanges(
        [
          { type: 'workshops', dropped: [w('a', 1)], added: [w('b', 2)] },
          { type: 'workshops', dropped: [w('b', 2)], added: [w('a', 1)] },
        ],
        ['a'],
      ),
    ).toEqual([]);
  });
});
