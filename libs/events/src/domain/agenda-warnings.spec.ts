import { describe, expect, it } from '@jest/globals';
import { AgendaItemKind } from '../agenda-item-kind.js';
import {
  agendaWarnings,
  AgendaWarningCode,
  publishingBlockers,
  PublishingBlockedError,
} from './agenda-warnings.js';

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

// Mutation testing (docs/quality.md, 6 December 2026)
describe('agendaWarnings at the bounds', () => {
  it('lets a workshop hold as many seats as the whole event', () => {
    expect(agendaWarnings({ capacity: 30 }, [phase('a')], () => [ws(1, 30)])).toEqual([]);
  });

  it('compares rooms by lower case: "Saal Straße" and "Saal Strasse" are two rooms', () => {
    const found = agendaWarnings({ capacity: 10 }, [phase('a')], () => [
      ws(1, 10, 'Saal Straße'),
      ws(2, 10, 'Saal Strasse'),
      ws(3, 10, ' saal strasse '),
    ]);
    expect(found.map((w) => [w.code, w.workshopId])).toEqual([
      [AgendaWarningCode.ROOM_USED_TWICE_IN_PHASE, 'w3'],
    ]);
  });
});

describe('publishing blockers', () => {
  const items = [phase('a'), phase('b')];
  const found = agendaWarnings({ capacity: 100 }, items, (id) => (id === 'a' ? [ws(1, 10)] : []));

  it('are only the warnings that make registration impossible', () => {
    expect(found.map((w) => w.code)).toEqual([
      AgendaWarningCode.PHASE_SEATS_BELOW_EVENT_CAPACITY,
      AgendaWarningCode.PHASE_WITHOUT_WORKSHOPS,
    ]);
    expect(publishingBlockers(found).map((w) => w.code)).toEqual([
      AgendaWarningCode.PHASE_WITHOUT_WORKSHOPS,
    ]);
  });

  it('refuse publishing with every problem in the message, in the language asked for', () => {
    const problems = [found[1], { ...found[1], agendaItemId: 'c' }];
    const error = new PublishingBlockedError(problems);
    expect(error.name).toBe('PublishingBlockedError');
    expect(error.problems).toBe(problems);
    const each = `${found[1].message} ${found[1].message}`;
    expect(error.message).toContain(each);
    expect(PublishingBlockedError.describe(problems, 'de')).toContain('Phase b');
    expect(PublishingBlockedError.describe(problems, 'de')).not.toBe(error.message);
  });
});
