import { eventPlace, eventWhen, listName, phaseTime, workshopLabel } from '../format.js';
import type { ExportData, ExportRegistration, ExportWorkshop } from '../model.js';
import { findWorkshop, selectRegistrations } from '../table.js';
import { createDocument, finish, line, numberPages, type Doc } from './document.js';
import { drawTable, type PdfColumn } from './table.js';

/** Lines under a list's title: the event, its date and place, and the workshop if any. */
function headerLines(data: ExportData, workshop: ExportWorkshop | null): string[] {
  const lines = [eventWhen(data.event)];
  const place = eventPlace(data.event);
  if (place) lines.push(place);
  if (workshop) {
    const phase = data.phases.find((p) => p.id === workshop.phaseId);
    const details = [
      phase ? phaseTime(phase, data.event.timeZone) : null,
      workshop.room ? `Raum: ${workshop.room}` : null,
    ].filter((s): s is string => s !== null);
    lines.push(workshopLabel(workshop) + (details.length ? ` · ${details.join(' · ')}` : ''));
    if (workshop.hosts.length > 0) lines.push(`Leitung: ${workshop.hosts.join(', ')}`);
  }
  return lines;
}

function titleBlock(
  doc: Doc,
  heading: string,
  title: string,
  lines: string[],
  continued: boolean,
): number {
  const x = doc.page.margins.left;
  const width = doc.page.width - x - doc.page.margins.right;
  let y = doc.page.margins.top;
  doc.fillColor('#000000').font('bold').fontSize(16);
  line(doc, continued ? `${heading} (Fortsetzung)` : heading, x, y, width);
  y += 22;
  doc.font('bold').fontSize(11);
  doc.text(title, x, y, { width });
  y = doc.y + 2;
  doc.font('regular').fontSize(10);
  for (const text of lines) {
    doc.text(text, x, y, { width });
    y = doc.y + 1;
  }
  return y + 10;
}

function noEntries(doc: Doc, text: string): void {
  doc.font('regular').fontSize(10).fillColor('#000000');
  doc.text(text, doc.page.margins.left, doc.y + 12);
}

export interface SignInSheetOptions {
  /** One workshop's list; without it the whole event's. */
  workshopId?: string | null;
}

/**
 * "Unterschriftenliste" of the confirmed participants, by name: number, name,
 * organisation and a box to sign; the event's title, date and place (and the
 * workshop's) on every page, "Seite x von y" at the foot.
 */
export async function buildSignInSheet(
  data: ExportData,
  options: SignInSheetOptions = {},
): Promise<Buffer> {
  const workshop = options.workshopId ? findWorkshop(data, options.workshopId) : null;
  const people = selectRegistrations(data, {
    workshopId: workshop?.id ?? null,
    statuses: ['CONFIRMED'],
  });
  const heading = 'Unterschriftenliste';
  const doc = createDocument({
    title: `${heading}: ${data.event.title}`,
    subject: workshop ? workshopLabel(workshop) : data.event.title,
  });
  const lines = headerLines(data, workshop);
  const columns: PdfColumn[] = [
    { header: 'Nr.', width: 28, fixed: true, align: 'right' },
    { header: 'Name', width: 3, wrap: true },
    { header: 'Organisation', width: 3, wrap: true },
    { header: 'Unterschrift', width: 3.2 },
  ];
  drawTable(
    doc,
    {
      columns,
      minRowHeight: 26,
      fontSize: 9.5,
      pageHeader: (continued) => titleBlock(doc, heading, data.event.title, lines, continued),
    },
    people.map((r, i) => [String(i + 1), listName(r), r.organization ?? '', '']),
  );
  if (people.length === 0) noEntries(doc, 'Keine bestätigten Anmeldungen.');
  numberPages(doc, [0], `${heading} · ${data.event.title}`);
  return finish(doc);
}

/** Optional columns of a room list. */
export interface RoomListOptions {
  /** One workshop; without it every workshop, each from a new page. */
  workshopId?: string | null;
  accessibilityNeeds?: boolean;
  dietaryNeeds?: boolean;
}

function roomRow(r: ExportRegistration, i: number, options: RoomListOptions): string[] {
  const row = [String(i + 1), listName(r), r.organization ?? ''];
  if (options.accessibilityNeeds) row.push(r.accessibilityNeeds ?? '');
  if (options.dietaryNeeds) row.push(r.dietaryNeeds ?? '');
  return row;
}

/**
 * Room lists for the workshops' hosts: per workshop its time, room, hosts and
 * seats taken, and the confirmed participants by name. Every workshop starts
 * on a new page and counts its own pages.
 */
export async function buildRoomLists(
  data: ExportData,
  options: RoomListOptions = {},
): Promise<Buffer> {
  const workshops = options.workshopId ? [findWorkshop(data, options.workshopId)] : data.workshops;
  const heading = 'Raumliste';
  const doc = createDocument({
    title: `${heading}: ${data.event.title}`,
    subject: data.event.title,
  });
  const columns: PdfColumn[] = [
    { header: 'Nr.', width: 28, fixed: true, align: 'right' },
    { header: 'Name', width: 3, wrap: true },
    { header: 'Organisation', width: 3, wrap: true },
  ];
  if (options.accessibilityNeeds)
    columns.push({ header: 'Barrierefreiheit', width: 3, wrap: true });
  if (options.dietaryNeeds) columns.push({ header: 'Ernährung', width: 2.5, wrap: true });
  const sections: number[] = [];
  workshops.forEach((workshop, index) => {
    if (index > 0) doc.addPage();
    sections.push(doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1);
    const people = selectRegistrations(data, { workshopId: workshop.id, statuses: ['CONFIRMED'] });
    const lines = [
      ...headerLines(data, workshop),
      `Belegt: ${people.length} von ${workshop.capacity} Plätzen`,
    ];
    drawTable(
      doc,
      {
        columns,
        minRowHeight: 18,
        fontSize: 9.5,
        pageHeader: (continued) => titleBlock(doc, heading, data.event.title, lines, continued),
      },
      people.map((r, i) => roomRow(r, i, options)),
    );
    if (people.length === 0) noEntries(doc, 'Keine bestätigten Anmeldungen.');
  });
  if (workshops.length === 0) {
    titleBlock(doc, heading, data.event.title, headerLines(data, null), false);
    noEntries(doc, 'Diese Veranstaltung hat keine Workshops.');
    sections.push(0);
  }
  numberPages(doc, sections, `${heading} · ${data.event.title}`);
  return finish(doc);
}
