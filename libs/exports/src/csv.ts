import { localDateTime } from './format.js';
import type { Cell, Table } from './table.js';

/** Byte order mark: without it Excel reads UTF-8 as Windows-1252 and garbles umlauts. */
const BOM = '\uFEFF';
/** German Excel splits on the list separator of its locale, which is `;`. */
export const CSV_SEPARATOR = ';';

/**
 * Characters that make a spreadsheet read a cell as a formula (also their
 * full-width forms, and tab/CR that some programs strip first).
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * A text as one CSV field: formula-like text gets a leading apostrophe (the
 * OWASP "CSV injection" guard: shown as text, never evaluated); fields with
 * the separator, quotes or line breaks are quoted with inner quotes doubled
 * (RFC 4180).
 */
export function csvField(text: string): string {
  const safe = FORMULA_START.test(text) || FORMULA_START.test(text.trimStart()) ? `'${text}` : text;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function cellText(cell: Cell, timeZone: string): string {
  if (cell === null) return '';
  if (cell instanceof Date) return localDateTime(cell, timeZone);
  if (typeof cell === 'number') return String(cell);
  return csvField(cell);
}

/**
 * The table as CSV for German Excel: UTF-8 with BOM, `;` between fields,
 * CRLF after every record, RFC 4180 quoting, dates as "dd.mm.yyyy hh:mm" in
 * the event's time zone.
 */
export function buildCsv(table: Table, timeZone: string): Buffer {
  const lines = [
    table.headers.map(csvField),
    ...table.rows.map((row) => row.map((c) => cellText(c, timeZone))),
  ];
  return Buffer.from(
    BOM + lines.map((fields) => fields.join(CSV_SEPARATOR) + '\r\n').join(''),
    'utf8',
  );
}
