import type { ExportData } from '../model.js';
import { findWorkshop, selectRegistrations } from '../table.js';
import { A4, createDocument, finish, fit, type Doc } from './document.js';

const MM = 72 / 25.4;
/** 90 × 60 mm, the size of common clip-on badge holders; 2 × 4 on an A4 page. */
export const BADGE = { width: 90 * MM, height: 60 * MM, columns: 2, rows: 4 };
export const BADGES_PER_PAGE = BADGE.columns * BADGE.rows;

/** The largest size ≤ `max` at which `text` fits `width` on one line (never below `min`). */
function fittingSize(doc: Doc, text: string, width: number, max: number, min: number): number {
  let size = max;
  doc.fontSize(size);
  while (size > min && doc.widthOfString(text) > width) {
    size -= 0.5;
    doc.fontSize(size);
  }
  return size;
}

export interface BadgeOptions {
  workshopId?: string | null;
}

/**
 * Name badges of the confirmed participants, by name, eight per A4 page with
 * light cut lines: the event's title, the first name large, the last name,
 * the organisation, and the workshop numbers they hold.
 */
export async function buildBadges(data: ExportData, options: BadgeOptions = {}): Promise<Buffer> {
  const workshop = options.workshopId ? findWorkshop(data, options.workshopId) : null;
  const people = selectRegistrations(data, {
    workshopId: workshop?.id ?? null,
    statuses: ['CONFIRMED'],
  });
  const doc = createDocument(
    { title: `Namensschilder: ${data.event.title}`, subject: data.event.title },
    0,
  );
  const workshops = new Map(data.workshops.map((w) => [w.id, w]));
  const left = (A4.width - BADGE.columns * BADGE.width) / 2;
  const top = (A4.height - BADGE.rows * BADGE.height) / 2;
  const pad = 5 * MM;
  const inner = BADGE.width - 2 * pad;
  people.forEach((person, i) => {
    const slot = i % BADGES_PER_PAGE;
    if (i > 0 && slot === 0) doc.addPage();
    const x = left + (slot % BADGE.columns) * BADGE.width;
    const y = top + Math.floor(slot / BADGE.columns) * BADGE.height;
    doc.save().lineWidth(0.3).strokeColor('#bbbbbb').dash(3, { space: 3 });
    doc.rect(x, y, BADGE.width, BADGE.height).stroke();
    doc.restore();

    doc.fillColor('#555555').font('regular').fontSize(8);
    doc.text(fit(doc, data.event.title, inner), x + pad, y + pad, {
      width: inner,
      lineBreak: false,
    });

    doc.fillColor('#000000').font('bold');
    fittingSize(doc, person.firstName, inner, 24, 12);
    doc.text(fit(doc, person.firstName, inner), x + pad, y + 17 * MM, {
      width: inner,
      lineBreak: false,
    });
    fittingSize(doc, person.lastName, inner, 16, 9);
    doc.text(fit(doc, person.lastName, inner), x + pad, y + 28 * MM, {
      width: inner,
      lineBreak: false,
    });

    if (person.organization) {
      doc.font('regular').fontSize(10);
      doc.text(person.organization, x + pad, y + 37 * MM, {
        width: inner,
        height: 10 * MM,
        ellipsis: true,
      });
    }
    const numbers = person.workshopIds
      .map((id) => workshops.get(id)?.number)
      .filter((n): n is number => n !== undefined)
      .sort((a, b) => a - b);
    if (numbers.length > 0) {
      doc.fillColor('#555555').font('regular').fontSize(8);
      const label = `Workshop ${numbers.join(' · ')}`;
      doc.text(fit(doc, label, inner), x + pad, y + BADGE.height - pad - 8, {
        width: inner,
        lineBreak: false,
      });
    }
  });
  if (people.length === 0) {
    doc.font('regular').fontSize(10).text('Keine bestätigten Anmeldungen.', 50, 50);
  }
  return finish(doc);
}
