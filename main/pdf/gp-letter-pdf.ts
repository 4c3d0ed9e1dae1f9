import { areaWords, exceptionText, type SessionBasis } from '../../shared/clinical/exceptions';
import type { SessionRecord } from '../../shared/clinical/session';
import { fillGpLetterText, type GpLetterTemplate } from '../../shared/copies/gp-letter';
import { drawDirectionalText } from './directional-text';
import { createPdfDocument, finishPdf } from './document';
import { pdfFonts } from './fonts';
import { drawLetterhead, drawPageFooters, type LetterheadClinic } from './letterhead';
import { PageCursor, drawText, pdfColours as colour, textHeight } from './page-cursor';
import type { PaperSize } from './paper';
import { formatDay, formatInstant, type DateFormat } from './pdf-dates';
import { pageLayout } from './session-pdf';

export interface GpLetterPdfInput {
  clinic: LetterheadClinic;
  template: GpLetterTemplate;
  /** The GP as the client's record names them (name and practice address, free text). */
  gp: string;
  clientName: string;
  dateOfBirth: string | null;
  practitionerName: string;
  record: SessionRecord;
  basis: SessionBasis | null;
  paperSize: PaperSize;
  dateFormat: DateFormat;
  writtenAt: Date;
  resourcesFolder?: string;
}

/**
 * A short letter to the client's GP about one session, in the clinic's own words, with the
 * treatment summary the record holds (areas, depths, products and lots, reaction, and any
 * exception it was done under). Made only for a client who agreed (the caller checks).
 */
export async function renderGpLetterPdf(input: GpLetterPdfInput): Promise<Buffer> {
  const { record } = input;
  const doc = await createPdfDocument({
    paperSize: input.paperSize,
    bufferPages: true,
    archival: true,
    info: { title: `Letter to GP — ${input.clientName}`, author: input.clinic.name, subject: 'Treatment summary for the GP', createdAt: input.writtenAt },
    ...(input.resourcesFolder ? { resourcesFolder: input.resourcesFolder } : {}),
  });
  const cursor = new PageCursor(doc, { side: pageLayout.side, top: pageLayout.side, bottom: pageLayout.footerHeight + 16 });
  const paragraph = (text: string, style: { size?: number; bold?: boolean; colour?: string; indent?: number } = {}) => {
    const size = style.size ?? 10.5;
    const indent = style.indent ?? 0;
    cursor.need(textHeight(doc, text, cursor.width - indent, { size, bold: style.bold ?? false }) + 4);
    cursor.y = drawText(doc, text, cursor.left + indent, cursor.y, cursor.width - indent, { size, bold: style.bold ?? false, colour: style.colour ?? colour.body }) + 4;
  };
  const sessionDate = formatDay(record.performedAt.slice(0, 10), input.dateFormat);
  const values = {
    client: input.clientName,
    dateOfBirth: input.dateOfBirth ? formatDay(input.dateOfBirth, input.dateFormat) : 'date of birth not recorded',
    sessionDate,
    clinic: input.clinic.name,
    practitioner: input.practitionerName,
  };

  drawLetterhead(cursor, input.clinic);
  paragraph(formatDay(input.writtenAt.toISOString().slice(0, 10), input.dateFormat));
  cursor.space(6);
  doc.font(pdfFonts.regular).fontSize(10.5).fillColor(colour.ink);
  for (const line of input.gp.split(/\r?\n/).filter((text) => text.trim())) {
    cursor.y = drawDirectionalText(doc, line.trim(), { x: cursor.left, y: cursor.y, width: cursor.width, maxLines: 2 }) + 1;
  }
  cursor.space(12);
  paragraph(`Re: ${input.clientName}${input.dateOfBirth ? `, born ${values.dateOfBirth}` : ''}`, { bold: true, colour: colour.ink });
  cursor.space(4);
  paragraph('Dear Doctor,');
  for (const text of fillGpLetterText(input.template.opening, values).split(/\n\s*\n/)) paragraph(text.trim());
  cursor.space(6);

  paragraph('Treatment summary', { size: 12, bold: true, colour: colour.ink });
  paragraph(`Microneedling on ${formatInstant(record.performedAt, input.dateFormat)} by ${input.practitionerName}.`);
  paragraph(`Areas: ${record.areas.map((area) => `${areaWords(area.area)} ${area.depthMm} mm, ${area.passes} ${area.passes === 1 ? 'pass' : 'passes'}`).join('; ')}.`);
  paragraph(`Device: ${[record.device.kind, record.device.make, record.device.model].filter(Boolean).join(' · ')}.`);
  const lots = [...(record.cartridge ? [`${record.cartridge.name} (lot ${record.cartridge.lot})`] : []), ...record.products.map((product) => `${product.name} (lot ${product.lot})`)];
  paragraph(`Products and lots: ${lots.length ? lots.join('; ') : 'none recorded'}.`);
  paragraph(`Topical anaesthetic: ${record.anaesthetic.product || 'none'}.`);
  paragraph(`Immediate reaction: ${record.immediateReaction || 'none recorded'}.`);
  const exceptions = input.basis?.exceptions ?? [];
  if (exceptions.length > 0) {
    paragraph('Done under these recorded exceptions:');
    for (const exception of exceptions) paragraph(`• ${exceptionText(exception)}`, { colour: colour.flag, indent: 6 });
  }
  cursor.space(6);
  const closing = fillGpLetterText(input.template.closing, values).trim();
  if (closing) for (const text of closing.split(/\n\s*\n/)) paragraph(text.trim());
  cursor.space(10);
  paragraph('Yours sincerely,');
  cursor.space(18);
  paragraph(input.practitionerName, { bold: true, colour: colour.ink });
  paragraph(input.clinic.name, { colour: colour.muted });
  drawPageFooters(doc, pageLayout, `Letter to GP · treatment on ${sessionDate} · sent with the client's agreement`);
  return finishPdf(doc);
}
