import { byName, STATUS_LABELS } from './format.js';
import type {
  ExportData,
  ExportRegistration,
  ExportRegistrationStatus,
  ExportWorkshop,
} from './model.js';

/** The columns an organizer may choose for the registration list, in their fixed order. */
export const EXPORT_COLUMNS = [
  'lastName',
  'firstName',
  'email',
  'organization',
  'jobTitle',
  'status',
  'workshops',
  'registeredAt',
  'waitlistPosition',
  'accessibilityNeeds',
  'dietaryNeeds',
] as const;

export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

/**
 * Without a choice: everything but the needs. Accessibility and dietary needs
 * are health-related data and appear only when asked for by name.
 */
export const DEFAULT_COLUMNS: readonly ExportColumn[] = [
  'lastName',
  'firstName',
  'email',
  'organization',
  'jobTitle',
  'status',
  'workshops',
  'registeredAt',
];

const HEADERS: Record<Exclude<ExportColumn, 'workshops'>, string> = {
  lastName: 'Nachname',
  firstName: 'Vorname',
  email: 'E-Mail',
  organization: 'Organisation',
  jobTitle: 'Funktion',
  status: 'Status',
  registeredAt: 'Angemeldet am',
  waitlistPosition: 'Wartelistenplatz',
  accessibilityNeeds: 'Barrierefreiheit',
  dietaryNeeds: 'Ernährung',
};

export const REGISTRATION_STATUSES: readonly ExportRegistrationStatus[] = [
  'CONFIRMED',
  'WAITLISTED',
  'CANCELLED',
];

export class ExportOptionError extends Error {
  constructor(
    /** The query parameter at fault. */
    readonly parameter: string,
    message: string,
  ) {
    super(message);
    this.name = 'ExportOptionError';
  }
}

/**
 * `columns=lastName,firstName,email` → those columns in the order given; an
 * absent or empty value → {@link DEFAULT_COLUMNS}. Unknown or repeated names
 * are refused with {@link ExportOptionError}.
 */
export function parseColumns(value: string | undefined): ExportColumn[] {
  if (value === undefined || value.trim() === '') return [...DEFAULT_COLUMNS];
  const names = value.split(',').map((s) => s.trim());
  const known = new Set<string>(EXPORT_COLUMNS);
  const seen = new Set<string>();
  for (const name of names) {
    if (!known.has(name)) {
      throw new ExportOptionError(
        'columns',
        `Unknown column "${name.slice(0, 40)}"; choose from ${EXPORT_COLUMNS.join(', ')}.`,
      );
    }
    if (seen.has(name)) throw new ExportOptionError('columns', `Column "${name}" is named twice.`);
    seen.add(name);
  }
  return names as ExportColumn[];
}

/** `status=CONFIRMED,WAITLISTED`; absent → confirmed and waiting (not the cancelled). */
export function parseStatuses(value: string | undefined): ExportRegistrationStatus[] {
  if (value === undefined || value.trim() === '') return ['CONFIRMED', 'WAITLISTED'];
  const names = [...new Set(value.split(',').map((s) => s.trim().toUpperCase()))];
  for (const name of names) {
    if (!(REGISTRATION_STATUSES as readonly string[]).includes(name)) {
      throw new ExportOptionError(
        'status',
        `Unknown status "${name.slice(0, 40)}"; choose from ${REGISTRATION_STATUSES.join(', ')}.`,
      );
    }
  }
  return names as ExportRegistrationStatus[];
}

export interface Selection {
  /** Only the registrations holding (or, waiting, wishing) this workshop. */
  workshopId?: string | null;
  statuses: readonly ExportRegistrationStatus[];
}

/** The workshop a selection names; {@link ExportOptionError} when the event has no such workshop. */
export function findWorkshop(data: ExportData, workshopId: string): ExportWorkshop {
  const workshop = data.workshops.find((w) => w.id === workshopId);
  if (!workshop) {
    throw new ExportOptionError('workshop', 'This event has no workshop with that id.');
  }
  return workshop;
}

/** The registrations a selection names, sorted by name. */
export function selectRegistrations(data: ExportData, selection: Selection): ExportRegistration[] {
  const workshopId = selection.workshopId ?? null;
  if (workshopId !== null) findWorkshop(data, workshopId);
  return data.registrations
    .filter((r) => selection.statuses.includes(r.status))
    .filter((r) => workshopId === null || r.workshopIds.includes(workshopId))
    .sort(byName);
}

export type Cell = string | number | Date | null;

/** A date cell: an instant, printed in the event's time zone. */
export interface Table {
  headers: string[];
  rows: Cell[][];
  /** Suggested widths in characters, one per column. */
  widths: number[];
}

/** The registration list as a table of plain cells; CSV and XLSX render it. */
export function registrationTable(
  data: ExportData,
  registrations: readonly ExportRegistration[],
  columns: readonly ExportColumn[],
): Table {
  const workshops = new Map(data.workshops.map((w) => [w.id, w]));
  const phaseTitles = data.phases.map((p) => p.title);
  const headers: string[] = [];
  const widths: number[] = [];
  const getters: Array<(r: ExportRegistration) => Cell> = [];
  for (const column of columns) {
    if (column === 'workshops') {
      for (const phase of data.phases) {
        // two phases of the same title get their number, so headers stay unique
        const twice = phaseTitles.filter((t) => t === phase.title).length > 1;
        headers.push(twice ? `${phase.title} (${data.phases.indexOf(phase) + 1})` : phase.title);
        widths.push(36);
        getters.push((r) => {
          const w = r.workshopIds
            .map((id) => workshops.get(id))
            .find((x) => x !== undefined && x.phaseId === phase.id);
          return w ? `${w.number}: ${w.title}` : null;
        });
      }
      continue;
    }
    headers.push(HEADERS[column]);
    widths.push(WIDTHS[column]);
    getters.push(GETTERS[column]);
  }
  return { headers, widths, rows: registrations.map((r) => getters.map((get) => get(r))) };
}

const WIDTHS: Record<Exclude<ExportColumn, 'workshops'>, number> = {
  lastName: 20,
  firstName: 16,
  email: 30,
  organization: 30,
  jobTitle: 20,
  status: 12,
  registeredAt: 17,
  waitlistPosition: 10,
  accessibilityNeeds: 40,
  dietaryNeeds: 30,
};

const GETTERS: Record<Exclude<ExportColumn, 'workshops'>, (r: ExportRegistration) => Cell> = {
  lastName: (r) => r.lastName,
  firstName: (r) => r.firstName,
  email: (r) => r.email,
  organization: (r) => r.organization,
  jobTitle: (r) => r.jobTitle,
  status: (r) => STATUS_LABELS[r.status],
  registeredAt: (r) => r.registeredAt,
  waitlistPosition: (r) => r.waitlistPosition,
  accessibilityNeeds: (r) => r.accessibilityNeeds,
  dietaryNeeds: (r) => r.dietaryNeeds,
};
