import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);

/**
 * DejaVu Sans from the dejavu-fonts-ttf package: shipped with npm install,
 * never fetched at run time, and covering umlauts, ß and far more than Latin-1.
 * pdfkit embeds only the glyphs used (subset) with a ToUnicode map, so text
 * can be searched and copied.
 */
export const FONTS = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};

export type Doc = PDFKit.PDFDocument;

/** A4 in PostScript points. */
export const A4 = { width: 595.28, height: 841.89 };

/** An A4 document with the shipped fonts registered as 'regular' and 'bold'. */
export function createDocument(info: { title: string; subject: string }, margin = 50): Doc {
  const doc = new PDFDocument({
    size: 'A4',
    margin,
    bufferPages: true,
    font: FONTS.regular,
    lang: 'de-DE',
    displayTitle: true,
    info: { Title: info.title, Subject: info.subject, Creator: 'Fachtag', Producer: 'Fachtag' },
  });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  doc.font('regular');
  return doc;
}

/** Ends the document and resolves with its bytes. */
export function finish(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** `text` cut with "…" so that it fits `width` at the current font and size. */
export function fit(doc: Doc, text: string, width: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  if (doc.widthOfString(oneLine) <= width) return oneLine;
  let lo = 0;
  let hi = oneLine.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (doc.widthOfString(`${oneLine.slice(0, mid).trimEnd()}…`) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${oneLine.slice(0, lo).trimEnd()}…`;
}

/** Writes one line at (x, y) that never moves the cursor to a new page. */
export function line(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  width: number,
  align: 'left' | 'right' | 'center' = 'left',
): void {
  doc.text(fit(doc, text, width), x, y, { width, align, lineBreak: false });
}

/**
 * "Seite x von y" at the foot of every page, counted per section (a room list
 * per workshop counts its own pages). `sections` are the first page indexes.
 */
export function numberPages(doc: Doc, sections: number[], footer: string): void {
  const range = doc.bufferedPageRange();
  const total = range.start + range.count;
  const starts = [...new Set(sections)].sort((a, b) => a - b);
  for (let page = range.start; page < total; page += 1) {
    const start = [...starts].reverse().find((s) => s <= page) ?? range.start;
    const next = starts.find((s) => s > page) ?? total;
    doc.switchToPage(page);
    const margins = doc.page.margins;
    const bottom = margins.bottom;
    // writing below the bottom margin would start a new page
    doc.page.margins = { ...margins, bottom: 0 };
    const y = doc.page.height - bottom / 2 - 5;
    const width = doc.page.width - margins.left - margins.right;
    doc.font('regular').fontSize(8).fillColor('#444444');
    line(doc, footer, margins.left, y, width * 0.7);
    line(doc, `Seite ${page - start + 1} von ${next - start}`, margins.left, y, width, 'right');
    doc.page.margins = margins;
  }
}
