import { seatsLeft } from './seats.js';

/** A workshop's seat state, as read under the event's lock. */
export interface WorkshopSeats {
  id: string;
  phaseId: string;
  number: number;
  capacity: number;
  seatsTaken: number;
}

/** A workshop phase of the event with its workshops, in agenda order. */
export interface PhaseOption {
  phaseId: string;
  title: string;
  workshopIds: string[];
}

function left(w: WorkshopSeats): number {
  return seatsLeft(w.seatsTaken, w.capacity) ?? 0;
}

/** Most seats left first; equal seats by programme number, so the order is stable. */
function byMostSeatsLeft(a: WorkshopSeats, b: WorkshopSeats): number {
  return left(b) - left(a) || a.number - b.number;
}

/**
 * The same phase's workshops that still have a seat, most seats left first:
 * what a participant is offered when `fullId` is full.
 */
export function workshopAlternatives<W extends WorkshopSeats>(
  workshops: readonly W[],
  fullId: string,
): W[] {
  const full = workshops.find((w) => w.id === fullId);
  if (!full) return [];
  return workshops
    .filter((w) => w.phaseId === full.phaseId && w.id !== fullId && left(w) > 0)
    .sort(byMostSeatsLeft);
}

/**
 * Workshops for a participant promoted from the waiting list: in every phase
 * that has workshops, the wished one if it has a seat, otherwise the phase's
 * workshop with the most seats left. Null when some phase has no seat at all
 * (then nobody can be promoted until seats free up there).
 * `phaseIds` is the agenda order of the phases.
 */
export function choosePromotionWorkshops(
  phaseIds: readonly string[],
  workshops: readonly WorkshopSeats[],
  wishes: ReadonlyMap<string, string>,
): { phaseId: string; workshopId: string }[] | null {
  const result: { phaseId: string; workshopId: string }[] = [];
  for (const phaseId of phaseIds) {
    const inPhase = workshops.filter((w) => w.phaseId === phaseId);
    if (inPhase.length === 0) continue;
    const wished = inPhase.find((w) => w.id === wishes.get(phaseId));
    const pick = wished && left(wished) > 0 ? wished : [...inPhase].sort(byMostSeatsLeft)[0];
    if (left(pick) === 0) return null;
    result.push({ phaseId, workshopId: pick.id });
  }
  return result;
}

/**
 * Seat moves for changing workshops: seats to release and to take, each in id
 * order so that concurrent changes lock rows in the same order.
 */
export function seatMoves(
  current: readonly string[],
  next: readonly string[],
): { release: string[]; take: string[] } {
  const now = new Set(current);
  const wanted = new Set(next);
  return {
    release: [...now].filter((id) => !wanted.has(id)).sort(),
    take: [...wanted].filter((id) => !now.has(id)).sort(),
  };
}
