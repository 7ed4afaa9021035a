import ExcelJS from 'exceljs';
import { wallClock } from './format.js';
import type { Table } from './table.js';

/** Excel refuses sheet names over 31 characters or with any of []:*?/\ . */
export function sheetName(name: string): string {
  const clean = name.replace(/[[\]:*?/\\]/g, ' ').trim();
  return (clean === '' ? 'Liste' : clean).slice(0, 31);
}

/**
 * The table as an XLSX workbook with one sheet: bold header row, frozen,
 * with an auto filter; dates are real date cells holding the event's local
 * time. Text stays text: exceljs writes strings as strings, never formulas.
 */
export async function buildXlsx(
  table: Table,
  options: { sheet: string; title: string; timeZone: string },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Fachtag';
  workbook.title = options.title;
  const sheet = workbook.addWorksheet(sheetName(options.sheet), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = table.headers.map((header, i) => ({ header, width: table.widths[i] }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) {
    sheet.addRow(
      row.map((cell) => (cell instanceof Date ? wallClock(cell, options.timeZone) : cell)),
    );
  }
  table.headers.forEach((_, i) => {
    if (table.rows.some((row) => row[i] instanceof Date)) {
      sheet.getColumn(i + 1).numFmt = 'dd.mm.yyyy hh:mm';
    }
  });
  if (table.headers.length > 0) {
    sheet.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: 1, column: table.headers.length },
    };
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer);
}
