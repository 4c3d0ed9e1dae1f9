import { drawDirectionalText } from '../pdf/directional-text';
import { createPdfDocument, finishPdf } from '../pdf/document';
import { pdfFonts } from '../pdf/fonts';
import { PageCursor, drawText, pdfColours as colour, rule, textHeight } from '../pdf/page-cursor';
import type { PaperSize } from '../pdf/paper';

export interface IndexEntry {
  file: string;
  description: string;
}

export interface ExportIndexInput {
  clinicName: string;
  clientName: string;
  createdAt: Date;
  paperSize: PaperSize;
  entries: IndexEntry[];
  photosIncluded: boolean;
  /** The day of the export in the clinic's date order. */
  exportedOn: string;
  /** The treatment history in a few lines (see readable-parts), shown before the list of files. */
  summary: string[];
}

/** The first page a client (or their representative) opens: what the export holds, file by file. */
export async function renderExportIndexPdf(input: ExportIndexInput): Promise<Buffer> {
  const doc = await createPdfDocument({
    paperSize: input.paperSize,
    info: { title: `Record export · ${input.clientName}`, author: input.clinicName, subject: 'Copy of a client record (right of access)', createdAt: input.createdAt },
  });
  const cursor = new PageCursor(doc, { side: 56, top: 56, bottom: 56 });
  doc.font(pdfFonts.bold).fontSize(11).fillColor(colour.muted);
  cursor.y = drawDirectionalText(doc, input.clinicName, { x: cursor.left, y: cursor.y, width: cursor.width, maxLines: 2 }) + 6;
  cursor.y = drawText(doc, 'Your record', cursor.left, cursor.y, cursor.width, { size: 20, bold: true, colour: colour.ink }) + 2;
  doc.font(pdfFonts.bold).fontSize(12).fillColor(colour.ink);
  cursor.y = drawDirectionalText(doc, input.clientName, { x: cursor.left, y: cursor.y, width: cursor.width, maxLines: 2 }) + 4;
  cursor.y = drawText(doc, `Exported ${input.exportedOn}.`, cursor.left, cursor.y, cursor.width, { size: 10, colour: colour.body }) + 10;
  rule(doc, cursor.left, cursor.y, cursor.width);
  cursor.space(10);
  cursor.y = drawText(doc, 'Your treatment history', cursor.left, cursor.y, cursor.width, { size: 12, bold: true, colour: colour.ink }) + 4;
  for (const line of input.summary) {
    cursor.need(textHeight(doc, line, cursor.width, { size: 9.5 }) + 4);
    cursor.y = drawText(doc, line, cursor.left, cursor.y, cursor.width, { size: 9.5 }) + 4;
  }
  cursor.space(8);
  cursor.y = drawText(doc, 'Everything the clinic holds about you in SkinLedger is in this folder:', cursor.left, cursor.y, cursor.width, { size: 10, colour: colour.body }) + 8;
  rule(doc, cursor.left, cursor.y, cursor.width);
  cursor.space(10);
  const fileWidth = 190;
  for (const entry of input.entries) {
    const height = Math.max(textHeight(doc, entry.file, fileWidth - 8, { size: 9 }), textHeight(doc, entry.description, cursor.width - fileWidth, { size: 9.5 })) + 6;
    cursor.need(height);
    const top = cursor.y;
    drawText(doc, entry.file, cursor.left, top, fileWidth - 8, { size: 9, colour: colour.accent });
    cursor.y = Math.max(doc.y, drawText(doc, entry.description, cursor.left + fileWidth, top, cursor.width - fileWidth, { size: 9.5 })) + 6;
  }
  if (!input.photosIncluded) {
    cursor.need(40);
    cursor.space(8);
    drawText(doc, 'Photographs are not part of this export yet; ask the clinic for copies.', cursor.left, cursor.y, cursor.width, { size: 9.5, colour: colour.muted });
  }
  return finishPdf(doc);
}
