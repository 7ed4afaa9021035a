import { describe, expect, it } from '@jest/globals';
import { AgendaItemKind } from '../agenda-item-kind.js';
import {
  compareAgendaItems,
  validateAgendaItem,
  validateKindChange,
  type AgendaItemDraft,
} from './agenda-rules.js';

const at = (hm: string) => new Date(`2026-06-19T${hm}:00Z`);
const event = { startsAt: at('07:00'), endsAt: at('14:30') };
const keynote = { id: 'k', title: 'Keynote', startsAt: at('08:10'), endsAt: at('09:15') };
const item = (from: string, to: string, id = 'new'): AgendaItemDraft => ({
  id,
  kind: AgendaItemKind.WORKSHOP_PHASE,
  title: 'Arbeitsphase I',
  subtitle: null,
  description: null,
  room: null,
  speakers: [],
  startsAt: at(from),
  endsAt: at(to),
});
const field = (fn: () => void) => {
  try {
    fn();
    return null;
  } catch (error) {
    return (error as { field: string[] }).field;
  }
};

describe('validateAgendaItem', () => {
  it('accepts items that touch but do not overlap', () => {
    expect(field(() => validateAgendaItem(item('09:15', '11:00'), event, [keynote]))).toBeNull();
    expect(field(() => validateAgendaItem(item('07:00', '08:10'), event, [keynote]))).toBeNull();
  });

  it('refuses end before start, leaving the event and overlapping', () => {
    expect(field(() => validateAgendaItem(item('10:00', '10:00'), event, []))).toEqual(['endsAt']);
    expect(field(() => validateAgendaItem(item('06:30', '07:30'), event, []))).toEqual([
      'startsAt',
    ]);
    expect(field(() => validateAgendaItem(item('14:00', '15:00'), event, []))).toEqual(['endsAt']);
    expect(field(() => validateAgendaItem(item('09:00', '10:00'), event, [keynote]))).toEqual([
      'startsAt',
    ]);
    expect(field(() => validateAgendaItem(item('08:00', '10:00'), event, [keynote]))).toEqual([
      'startsAt',
    ]);
  });

  it('does not compare an item with itself when it moves', () => {
    expect(
      field(() => validateAgendaItem(item('08:20', '09:30', 'k'), event, [keynote])),
    ).toBeNull();
  });

  it('bounds texts and speakers', () => {
    const long = { ...item('09:15', '10:00'), speakers: [{ name: '' }] };
    expect(field(() => validateAgendaItem(long, event, []))).toEqual(['speakers', '0', 'name']);
    expect(
      field(() => validateAgendaItem({ ...item('09:15', '10:00'), title: '' }, event, [])),
    ).toEqual(['title']);
  });
});

describe('validateKindChange', () => {
  it('keeps a phase with workshops a phase', () => {
    expect(() =>
      validateKindChange(AgendaItemKind.WORKSHOP_PHASE, AgendaItemKind.TALK, 0),
    ).not.toThrow();
    expect(() => validateKindChange(AgendaItemKind.WORKSHOP_PHASE, AgendaItemKind.TALK, 2)).toThrow(
      /remove them/,
    );
  });
});

describe('compareAgendaItems', () => {
  it('orders by start, then by title', () => {
    const items = [
      { id: '1', title: 'B', startsAt: at('09:00') },
      { id: '2', title: 'A', startsAt: at('09:00') },
      { id: '3', title: 'Z', startsAt: at('08:00') },
    ];
    expect([...items].sort(compareAgendaItems).map((i) => i.id)).toEqual(['3', '2', '1']);
  });
});

// Mutation testing (docs/quality.md, 6 December 2026)
describe('validateAgendaItem, field by field at the bounds', () => {
  it.each<[Partial<AgendaItemDraft>, Partial<AgendaItemDraft>, string[]]>([
    [{ subtitle: 'x'.repeat(300) }, { subtitle: 'x'.repeat(301) }, ['subtitle']],
    [{ description: 'x'.repeat(10_000) }, { description: 'x'.repeat(10_001) }, ['description']],
    [{ room: 'x'.repeat(100) }, { room: 'x'.repeat(101) }, ['room']],
  ])('accepts %j, refuses %j naming %j', (fine, wrong, expected) => {
    expect(
      field(() => validateAgendaItem({ ...item('09:15', '11:00'), ...fine }, event, [])),
    ).toBeNull();
    expect(
      field(() => validateAgendaItem({ ...item('09:15', '11:00'), ...wrong }, event, [])),
    ).toEqual(expected);
  });

  it('accepts an item that ends when the event ends', () => {
    expect(field(() => validateAgendaItem(item('13:00', '14:30'), event, []))).toBeNull();
  });
});

describe('validateKindChange', () => {
  it('refuses only a phase with workshops turning into another kind, naming the kind', () => {
    const { WORKSHOP_PHASE, TALK, BREAK } = AgendaItemKind;
    expect(field(() => validateKindChange(WORKSHOP_PHASE, TALK, 2))).toEqual(['kind']);
    expect(field(() => validateKindChange(WORKSHOP_PHASE, WORKSHOP_PHASE, 2))).toBeNull();
    expect(field(() => validateKindChange(WORKSHOP_PHASE, TALK, 0))).toBeNull();
    expect(field(() => validateKindChange(TALK, BREAK, 2))).toBeNull();
    expect(field(() => validateKindChange(TALK, WORKSHOP_PHASE, 2))).toBeNull();
  });
});
