import { describe, expect, it } from '@jest/globals';
import { AgendaItemKind } from '../agenda-item-kind.js';
import { agendaWarnings, AgendaWarningCode } from './agenda-warnings.js';

const phase = (id: string) => ({ id, kind: AgendaItemKind.WORKSHOP_PHASE, title: `Phase ${id}` });
const ws = (number: number, capacity: number, room: string | null = null) => ({
  id: `w${number}`,
  number,
  title: `Workshop ${number}`,
  capacity,
  room,
});

describe('agendaWarnings', () => {
  it('finds phases without workshops or with too few seats, oversized workshops, double rooms', () => {
    const items = [
      { id: 'k', kind: AgendaItemKind.KEYNOTE, title: 'Keynote' },
      phase('a'),
      phase('b'),
      phase('c'),
    ];
    const workshops: Record<string, ReturnType<typeof ws>[]> = {
      a: [ws(1, 30, 'R1'), ws(2, 30, 'r1')],
      b: [ws(3, 150), ws(4, 20)],
      c: [],
    };
    const codes = agendaWarnings({ capacity: 100 }, items, (id) => workshops[id] ?? []).map((w) => [
      w.code,
      w.agendaItemId,
      w.workshopId,
    ]);
    expect(codes).toEqual([
      [AgendaWarningCode.PHASE_SEATS_BELOW_EVENT_CAPACITY, 'a', null],
      [AgendaWarningCode.ROOM_USED_TWICE_IN_PHASE, 'a', 'w2'],
      [AgendaWarningCode.WORKSHOP_CAPACITY_EXCEEDS_EVENT, 'b', 'w3'],
      [AgendaWarningCode.PHASE_WITHOUT_WORKSHOPS, 'c', null],
    ]);
  });

  it('has nothing to say about a well-planned agenda or an unlimited event', () => {
    expect(agendaWarnings({ capacity: 50 }, [phase('a')], () => [ws(1, 25), ws(2, 25)])).toEqual(
      [],
    );
    expect(agendaWarnings({ capacity: null }, [phase('a')], () => [ws(1, 5)])).toEqual([]);
  });
});
