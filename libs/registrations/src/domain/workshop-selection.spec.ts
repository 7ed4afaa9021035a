import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { PhaseOption } from '@fachtag/seating';
import { validateWorkshopSelection } from './workshop-selection.js';
import { render, type Msg } from '@fachtag/common';
/** The result with its message texts rendered in English, as the API's default answers them. */
function english(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(english);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'text' && v !== null && typeof v === 'object' && 'key' in v) {
      out.message = render(v as Msg, 'en');
    } else out[k] = english(v);
  }
  return out;
}

const phases: PhaseOption[] = [
  { phaseId: 'p1', title: 'Arbeitsphase I', workshopIds: ['a', 'b'] },
  { phaseId: 'p2', title: 'Arbeitsphase II', workshopIds: ['c', 'd'] },
];

describe('validateWorkshopSelection', () => {
  it('accepts one per phase and returns them in agenda order', () => {
    expect(english(validateWorkshopSelection(phases, ['d', 'a']))).toEqual({
      ok: true,
      choices: [
        { phaseId: 'p1', workshopId: 'a' },
        { phaseId: 'p2', workshopId: 'd' },
      ],
    });
  });

  it('names the phase without a choice', () => {
    expect(validateWorkshopSelection(phases, ['a'])).toMatchObject({
      ok: false,
      phaseId: 'p2',
      text: { key: 'selection.missing', params: { phase: 'Arbeitsphase II' } },
    });
  });

  it('names the phase with two choices', () => {
    expect(validateWorkshopSelection(phases, ['a', 'b', 'c'])).toMatchObject({
      ok: false,
      phaseId: 'p1',
      text: { key: 'selection.twoInPhase', params: { phase: 'Arbeitsphase I' } },
    });
  });

  it('refuses foreign workshops and duplicates', () => {
    expect(validateWorkshopSelection(phases, ['a', 'c', 'x']).ok).toBe(false);
    expect(validateWorkshopSelection(phases, ['a', 'a', 'c']).ok).toBe(false);
  });

  it('needs nothing where no phase has workshops', () => {
    expect(
      english(validateWorkshopSelection([{ phaseId: 'p', title: 'P', workshopIds: [] }], [])),
    ).toEqual({
      ok: true,
      choices: [],
    });
  });

  it('property: accepted iff exactly one known workshop per phase', () => {
    const arbitraryPhases = fc
      .array(fc.integer({ min: 0, max: 4 }), { maxLength: 4 })
      .map((sizes) =>
        sizes.map((n, p) => ({
          phaseId: `p${p}`,
          title: `Phase ${p}`,
          workshopIds: Array.from({ length: n }, (_, i) => `w${p}-${i}`),
        })),
      );
    const scenario = fc
      .tuple(arbitraryPhases, fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }))
      .chain(([ps, noise]) =>
        fc.tuple(
          fc.constant(ps),
          fc.shuffledSubarray([...ps.flatMap((p) => p.workshopIds), ...noise, ...noise]),
        ),
      );
    fc.assert(
      fc.property(scenario, ([ps, picks]) => {
        const all = ps.flatMap((p) => p.workshopIds);
        const result = validateWorkshopSelection(ps, picks);
        const known = picks.every((id) => all.includes(id));
        const perPhase = ps.every(
          (p) =>
            picks.filter((id) => p.workshopIds.includes(id)).length ===
            (p.workshopIds.length ? 1 : 0),
        );
        expect(result.ok).toBe(known && perPhase && new Set(picks).size === picks.length);
        if (result.ok) {
          expect(result.choices.map((c) => c.workshopId).sort()).toEqual([...picks].sort());
        }
      }),
    );
  });
});

describe('validateWorkshopSelection messages', () => {
  it('says exactly what is wrong, and in which phase', () => {
    expect(english(validateWorkshopSelection(phases, ['a', 'c', 'x']))).toEqual({
      ok: false,
      message: "Workshop 'x' is not a workshop of this event.",
    });
    expect(english(validateWorkshopSelection(phases, ['a', 'a', 'c']))).toEqual({
      ok: false,
      message: "Workshop 'a' is chosen twice.",
      phaseId: phases[0].phaseId,
    });
    expect(english(validateWorkshopSelection(phases, ['a', 'b']))).toEqual({
      ok: false,
      message: `Phase '${phases[0].title}' allows one workshop, but two were chosen.`,
      phaseId: phases[0].phaseId,
    });
    expect(english(validateWorkshopSelection(phases, ['a']))).toEqual({
      ok: false,
      message: `Choose one workshop in phase '${phases[1].title}'.`,
      phaseId: phases[1].phaseId,
    });
  });
});
