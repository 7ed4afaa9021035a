import { msg, type Msg } from '@fachtag/common';
import type { PhaseOption } from '@fachtag/seating';
export type SelectionResult =
  | { ok: true; choices: { phaseId: string; workshopId: string }[] }
  | { ok: false; text: Msg; phaseId?: string };

/**
 * Checks a participant's workshop choice: every id a workshop of this event,
 * at most one per phase, and exactly one for each phase that has workshops.
 * Returns the choices in agenda order or a message naming the wrong phase.
 */
export function validateWorkshopSelection(
  phases: readonly PhaseOption[],
  workshopIds: readonly string[],
): SelectionResult {
  const phaseOf = new Map<string, PhaseOption>();
  for (const phase of phases) for (const id of phase.workshopIds) phaseOf.set(id, phase);
  const chosen = new Map<string, string>();
  for (const id of workshopIds) {
    const phase = phaseOf.get(id);
    if (!phase) return { ok: false, text: msg('selection.unknown', { id }) };
    const earlier = chosen.get(phase.phaseId);
    if (earlier !== undefined) {
      const text =
        earlier === id
          ? msg('selection.twice', { id })
          : msg('selection.twoInPhase', { phase: phase.title });
      return { ok: false, text, phaseId: phase.phaseId };
    }
    chosen.set(phase.phaseId, id);
  }
  for (const phase of phases) {
    if (phase.workshopIds.length > 0 && !chosen.has(phase.phaseId)) {
      return {
        ok: false,
        text: msg('selection.missing', { phase: phase.title }),
        phaseId: phase.phaseId,
      };
    }
  }
  return {
    ok: true,
    choices: phases
      .filter((p) => chosen.has(p.phaseId))
      .map((p) => ({ phaseId: p.phaseId, workshopId: chosen.get(p.phaseId) as string })),
  };
}
