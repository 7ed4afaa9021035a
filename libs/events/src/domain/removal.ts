import { InvalidInputError, msg } from '@fachtag/common';

/** What removal rules need to know about a workshop. */
export interface WorkshopUsage {
  number: number;
  title: string;
  seatsTaken: number;
  /** Waitlisted registrations that wish this workshop (they hold no seat yet). */
  wishes?: number;
}

const dependents = (w: WorkshopUsage) => w.seatsTaken + (w.wishes ?? 0);

/**
 * Registrations depend on a workshop while it has seats taken or waitlisted
 * participants wish it: removing it would silently drop their choices.
 */
export function assertRemovableWorkshop(workshop: WorkshopUsage): void {
  if (dependents(workshop) > 0) {
    throw new InvalidInputError(
      ['id'],
      msg('agenda.workshopInUse', {
        number: workshop.number,
        title: workshop.title,
        count: dependents(workshop),
      }),
    );
  }
}

/** An agenda item can go unless registrations depend on one of its workshops. */
export function assertRemovableAgendaItem(
  item: { title: string },
  workshops: readonly WorkshopUsage[],
): void {
  const used = workshops.filter((w) => dependents(w) > 0);
  if (used.length > 0) {
    const count = used.reduce((sum, w) => sum + dependents(w), 0);
    throw new InvalidInputError(
      ['id'],
      msg('agenda.itemInUse', {
        title: item.title,
        count,
        numbers: used.map((w) => w.number).join(', '),
      }),
    );
  }
}
