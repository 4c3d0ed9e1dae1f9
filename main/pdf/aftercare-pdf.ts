import { aftercareSheet } from '../../shared/clinical/aftercare';
import { drawDirectionalText } from './directional-text';
import { createPdfDocument, finishPdf } from './document';
import { pdfFonts } from './fonts';
import { PageCursor, drawText, pdfColours as colour, rule } from './page-cursor';
import type { PaperSize } from './paper';

export interface AftercarePdfInput {
  clinicName: string;
  clinicPhone: string;
  clientName: string;
  paperSize: PaperSize;
  createdAt: Date;
  resourcesFolder?: string;
}

/** The one-page aftercare sheet handed to the client with their copy of a session consent. */
export async function renderAftercarePdf(input: AftercarePdfInput): Promise<Buffer> {
  const doc = await createPdfDocument({
    paperSize: input.paperSize,
    info: { title: aftercareSheet.title, author: input.clinicName, subject: 'Aftercare instructions', createdAt: input.createdAt },
    ...(input.resourcesFolder ? { resourcesFolder: input.resourcesFolder } : {}),
  });
  const cursor = new PageCursor(doc, { side: 56, top: 56, bottom: 56 });
  doc.font(pdfFonts.bold).fontSize(11).fillColor(colour.muted);
  cursor.y = drawDirectionalText(doc, input.clinicName, { x: cursor.left, y: cursor.y, width: cursor.width, maxLines: 2 }) + 8;
  cursor.y = drawText(doc, aftercareSheet.title, cursor.left, cursor.y, cursor.width, { size: 20, bold: true, colour: colour.ink }) + 4;
  doc.font(pdfFonts.regular).fontSize(11).fillColor(colour.body);
  cursor.y = drawDirectionalText(doc, `For ${input.clientName}`, { x: cursor.left, y: cursor.y, width: cursor.width, maxLines: 1 }) + 10;
  rule(doc, cursor.left, cursor.y, cursor.width);
  cursor.space(14);
  cursor.y = drawText(doc, aftercareSheet.intro, cursor.left, cursor.y, cursor.width, { size: 11.5 }) + 12;
  for (const point of aftercareSheet.points) {
    doc
      .font(pdfFonts.bold)
      .fontSize(12)
      .fillColor(colour.accent)
      .text('•', cursor.left + 2, cursor.y, { lineBreak: false });
    cursor.y = drawText(doc, point, cursor.left + 18, cursor.y, cursor.width - 18, { size: 11.5, lineGap: 3 }) + 9;
  }
  if (input.clinicPhone) {
    cursor.space(10);
    cursor.y = drawText(doc, `Questions or worries? Call ${input.clinicPhone}.`, cursor.left, cursor.y, cursor.width, { size: 11.5, bold: true, colour: colour.ink });
  }
  return finishPdf(doc);
}
