import { InvalidInputError } from './errors.js';

/** What removal rules need to know about a workshop. */
export interface WorkshopUsage {
  number: number;
  title: string;
  seatsTaken: number;
}

/**
 * Registrations depend on a workshop while it has seats taken: removing it
 * would silently drop participants' choices. The registration feature may
 * extend this with waitlisted choices; keep every removal check here.
 */
export function assertRemovableWorkshop(workshop: WorkshopUsage): void {
  if (workshop.seatsTaken > 0) {
    throw new InvalidInputError(
      ['id'],
      `Workshop ${workshop.number} '${workshop.title}' cannot be removed: ${workshop.seatsTaken} registrations chose it. Ask them to choose another workshop (or cancel their registrations) first.`,
    );
  }
}

/** An agenda item can go unless registrations depend on one of its workshops. */
export function assertRemovableAgendaItem(
  item: { title: string },
  workshops: readonly WorkshopUsage[],
): void {
  const used = workshops.filter((w) => w.seatsTaken > 0);
  if (used.length > 0) {
    const seats = used.reduce((sum, w) => sum + w.seatsTaken, 0);
    throw new InvalidInputError(
      ['id'],
      `'${item.title}' cannot be removed: registrations depend on its workshops (${seats} seats taken in workshop ${used.map((w) => w.number).join(', ')}).`,
    );
  }
}
