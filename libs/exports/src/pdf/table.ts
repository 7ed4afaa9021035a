import { fit, type Doc } from './document.js';

export interface PdfColumn {
  header: string;
  /** Share of the free width (after fixed columns), or a fixed width in points. */
  width: number;
  fixed?: boolean;
  /** Text wraps onto further lines instead of being cut. */
  wrap?: boolean;
  align?: 'left' | 'right';
}

export interface TableLayout {
  columns: PdfColumn[];
  minRowHeight: number;
  fontSize: number;
  /** Draws whatever heads each page (title block); returns the y where the table starts. */
  pageHeader: (continued: boolean) => number;
}

const PAD = 4;

function widths(doc: Doc, columns: PdfColumn[]): number[] {
  const total = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const fixed = columns.filter((c) => c.fixed).reduce((sum, c) => sum + c.width, 0);
  const shares = columns.filter((c) => !c.fixed).reduce((sum, c) => sum + c.width, 0);
  return columns.map((c) => (c.fixed ? c.width : ((total - fixed) * c.width) / shares));
}

function headerRow(doc: Doc, layout: TableLayout, y: number, w: number[]): number {
  const x0 = doc.page.margins.left;
  const height = layout.fontSize + 2 * PAD + 2;
  doc
    .rect(
      x0,
      y,
      w.reduce((a, b) => a + b, 0),
      height,
    )
    .fill('#e6e6e6');
  doc.fillColor('#000000').font('bold').fontSize(layout.fontSize);
  let x = x0;
  layout.columns.forEach((c, i) => {
    doc.text(fit(doc, c.header, w[i] - 2 * PAD), x + PAD, y + PAD + 1, {
      width: w[i] - 2 * PAD,
      align: c.align ?? 'left',
      lineBreak: false,
    });
    x += w[i];
  });
  return y + height;
}

/**
 * A ruled table that continues over as many pages as it needs, repeating the
 * page header and the column headers on each. Rows never split across pages.
 */
export function drawTable(doc: Doc, layout: TableLayout, rows: string[][]): void {
  const w = widths(doc, layout.columns);
  const x0 = doc.page.margins.left;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  let y = headerRow(doc, layout, layout.pageHeader(false), w);
  doc.font('regular').fontSize(layout.fontSize);
  for (const row of rows) {
    const height = Math.max(
      layout.minRowHeight,
      ...row.map((cell, i) =>
        layout.columns[i].wrap
          ? doc.heightOfString(cell, { width: w[i] - 2 * PAD }) + 2 * PAD
          : layout.fontSize + 2 * PAD,
      ),
    );
    if (y + height > bottom()) {
      doc.addPage();
      y = headerRow(doc, layout, layout.pageHeader(true), w);
      doc.font('regular').fontSize(layout.fontSize);
    }
    let x = x0;
    doc.fillColor('#000000');
    row.forEach((cell, i) => {
      const column = layout.columns[i];
      const width = w[i] - 2 * PAD;
      if (column.wrap) {
        doc.text(cell, x + PAD, y + PAD, { width, align: column.align ?? 'left' });
      } else {
        doc.text(fit(doc, cell, width), x + PAD, y + PAD + 1, {
          width,
          align: column.align ?? 'left',
          lineBreak: false,
        });
      }
      x += w[i];
    });
    // ruled cells: a signature needs a box
    doc
      .lineWidth(0.5)
      .strokeColor('#888888')
      .rect(x0, y, x - x0, height)
      .stroke();
    let edge = x0;
    for (const width of w.slice(0, -1)) {
      edge += width;
      doc
        .moveTo(edge, y)
        .lineTo(edge, y + height)
        .stroke();
    }
    y += height;
  }
  doc.y = y;
}
