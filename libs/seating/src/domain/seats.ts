/** Capacity state of an event or workshop, as participants see it. */
export enum CapacityStatus {
  AVAILABLE = 'AVAILABLE',
  FILLING_UP = 'FILLING_UP',
  FULL = 'FULL',
}

/**
 * AVAILABLE below the warning threshold, FILLING_UP from `threshold × capacity`
 * seats on, FULL when no seat is left. A null capacity never fills.
 */
export function capacityStatus(
  seatsTaken: number,
  capacity: number | null,
  threshold: number,
): CapacityStatus {
  if (capacity === null) return CapacityStatus.AVAILABLE;
  if (seatsTaken >= capacity) return CapacityStatus.FULL;
  // compare in integers of seats: 0.8 × 10 must turn at exactly 8 seats
  return seatsTaken >= Math.ceil(threshold * capacity - 1e-9)
    ? CapacityStatus.FILLING_UP
    : CapacityStatus.AVAILABLE;
}

/** Seats left, never negative; null when there is no limit. */
export function seatsLeft(seatsTaken: number, capacity: number | null): number | null {
  return capacity === null ? null : Math.max(0, capacity - seatsTaken);
}

const WARNINGS: Record<string, Record<'FILLING_UP' | 'FULL', string>> = {
  de: {
    FILLING_UP:
      'Diesen Workshop haben bereits viele Teilnehmende ausgewählt. Für eine gute Arbeitsatmosphäre möchten wir Sie bitten, in Betracht zu ziehen, ob einer der anderen Workshops in dieser Arbeitsphase ebenso interessant für Sie ist.',
    FULL: 'Dieser Workshop ist ausgebucht. Bitte wählen Sie einen anderen Workshop dieser Arbeitsphase.',
  },
  en: {
    FILLING_UP:
      'Many participants have already chosen this workshop. For a good working atmosphere, please consider whether another workshop in this phase would be just as interesting for you.',
    FULL: 'This workshop is fully booked. Please choose another workshop of this phase.',
  },
};

/**
 * The sentence shown to participants while a workshop is FILLING_UP or FULL, in
 * the event's language (German unless English); null while AVAILABLE. The German
 * text is the one the Transferforum 2018 organizers printed.
 */
export function capacityWarning(status: CapacityStatus, language: string): string | null {
  if (status === CapacityStatus.AVAILABLE) return null;
  const texts = WARNINGS[language.toLowerCase().startsWith('en') ? 'en' : 'de'];
  return texts[status];
}
