import { areaWords, exceptionText, type SessionBasis } from '../../shared/clinical/exceptions';
import { isMonthExpiry } from '../../shared/clinical/expiry';
import type { SessionRecord } from '../../shared/clinical/session';
import { drawDirectionalText } from './directional-text';
import { createPdfDocument, finishPdf } from './document';
import { pdfFonts } from './fonts';
import { drawLetterhead, drawPageFooters, type LetterheadClinic } from './letterhead';
import { PageCursor, drawText, pdfColours as colour, rule } from './page-cursor';
import type { PaperSize } from './paper';
import { formatDay, formatInstant, type DateFormat } from './pdf-dates';

export interface SessionPdfInput {
  clinic: LetterheadClinic;
  clientName: string;
  dateOfBirth: string | null;
  practitionerName: string;
  record: SessionRecord;
  basis: SessionBasis | null;
  createdAt: string;
  updatedAt: string;
  updatedByName: string | null;
  amendments: { amendedAt: string; amendedByName: string; reason: string }[];
  paperSize: PaperSize;
  dateFormat: DateFormat;
  printedAt: Date;
  resourcesFolder?: string;
}

/** The same margins and footer as the signed consent, so a client's papers look like one set. */
export const pageLayout = { side: 48, footerHeight: 44 };

function expiryText(expiry: string | null, dateFormat: DateFormat): string {
  if (!expiry) return '';
  if (isMonthExpiry(expiry)) return `, expiry ${expiry.slice(5, 7)}/${expiry.slice(0, 4)}`;
  return `, expiry ${formatDay(expiry, dateFormat)}`;
}

/**
 * One treatment session on paper, as the record holds it: what was done, the consent it relied on
 * and every exception it was done under (the paper never says less than the screen), amendments.
 */
export async function renderSessionPdf(input: SessionPdfInput): Promise<Buffer> {
  const { record } = input;
  const doc = await createPdfDocument({
    paperSize: input.paperSize,
    bufferPages: true,
    archival: true,
    info: { title: `Treatment session — ${input.clientName}`, author: input.clinic.name, subject: 'Treatment session record', createdAt: input.printedAt },
    ...(input.resourcesFolder ? { resourcesFolder: input.resourcesFolder } : {}),
  });
  const cursor = new PageCursor(doc, { side: pageLayout.side, top: pageLayout.side, bottom: pageLayout.footerHeight + 16 });
  const line = (text: string, options: { size?: number; bold?: boolean; colour?: string; indent?: number } = {}) => {
    const indent = options.indent ?? 0;
    doc.font(options.bold ? pdfFonts.bold : pdfFonts.regular).fontSize(options.size ?? 10.5);
    cursor.need(doc.heightOfString(text, { width: cursor.width - indent, lineGap: 2 }));
    cursor.y = drawText(doc, text, cursor.left + indent, cursor.y, cursor.width - indent, { size: options.size ?? 10.5, bold: options.bold ?? false, colour: options.colour ?? colour.body }) + 3;
  };
  const heading = (text: string) => {
    cursor.space(8);
    cursor.need(40);
    line(text, { size: 12.5, bold: true, colour: colour.ink });
  };
  drawLetterhead(cursor, input.clinic);
  cursor.y = drawText(doc, 'Treatment session', cursor.left, cursor.y, cursor.width, { size: 20, bold: true, colour: colour.ink }) + 4;
  doc.font(pdfFonts.regular).fontSize(11).fillColor(colour.body);
  cursor.y =
    drawDirectionalText(doc, `${input.clientName}${input.dateOfBirth ? `, born ${formatDay(input.dateOfBirth, input.dateFormat)}` : ''}`, {
      x: cursor.left,
      y: cursor.y,
      width: cursor.width,
      maxLines: 2,
    }) + 4;
  line(`Performed ${formatInstant(record.performedAt, input.dateFormat)} by ${input.practitionerName}`);
  rule(doc, cursor.left, cursor.y + 4, cursor.width);
  cursor.space(12);

  heading('Consent relied on');
  const consent = input.basis?.consent ?? null;
  line(
    !input.basis
      ? 'Not recorded: this session was saved before SkinLedger kept the consent with each session.'
      : consent
        ? `Treatment consent (${consent.templateId}) version ${consent.version.major}.${consent.version.minor}, signed ${formatInstant(consent.signedAt, input.dateFormat)}, valid until ${formatDay(consent.validUntil, input.dateFormat)}.`
        : 'None: treated under an override (see exceptions).',
  );
  heading('Exceptions this session was done under');
  const exceptions = input.basis?.exceptions ?? [];
  if (exceptions.length === 0) line(input.basis ? 'None.' : 'Not recorded.');
  for (const exception of exceptions) line(`• ${exceptionText(exception)} (${formatInstant(exception.at, input.dateFormat)})`, { colour: colour.flag, indent: 4 });

  heading('Areas');
  for (const area of record.areas) line(`${areaWords(area.area)}: ${area.depthMm} mm, ${area.passes} ${area.passes === 1 ? 'pass' : 'passes'}`);
  heading('Device and lots');
  line(`Device: ${[record.device.kind, record.device.make, record.device.model, record.device.settings].filter(Boolean).join(' · ')}`);
  line(`Cartridge: ${record.cartridge ? `${record.cartridge.name}, lot ${record.cartridge.lot}${expiryText(record.cartridge.expiry, input.dateFormat)}` : 'none'}`);
  if (record.products.length === 0) line('Products: none');
  for (const product of record.products) line(`Product: ${product.name}, lot ${product.lot}${expiryText(product.expiry, input.dateFormat)}`);
  heading('Preparation and outcome');
  line(`Anaesthetic: ${record.anaesthetic.product ? `${record.anaesthetic.product}${record.anaesthetic.appliedAt ? `, applied ${record.anaesthetic.appliedAt}` : ''}` : 'none'}`);
  line(`Skin preparation: ${record.skinPrep || 'none'}`);
  line(`Clinical endpoint: ${record.endpoint.replace(/-/g, ' ')}`);
  line(`Immediate reaction: ${record.immediateReaction || 'none'}`);
  line(`Aftercare: ${record.aftercareGiven ? 'explained and given' : 'not recorded as given'}`);
  heading('Notes');
  line(record.notes || 'None.');

  heading('Record history');
  line(`Recorded ${formatInstant(input.createdAt, input.dateFormat)} by ${input.practitionerName}.`);
  if (input.updatedByName) line(`Edited ${formatInstant(input.updatedAt, input.dateFormat)} by ${input.updatedByName} (same-day change).`);
  for (const amendment of input.amendments) line(`Amended ${formatInstant(amendment.amendedAt, input.dateFormat)} by ${amendment.amendedByName}: ${amendment.reason}`);
  cursor.space(10);
  line(`Printed ${formatInstant(input.printedAt.toISOString(), input.dateFormat)}.`, { size: 9, colour: colour.muted });
  drawPageFooters(doc, pageLayout, `Treatment session record · performed ${formatInstant(record.performedAt, input.dateFormat)}`);
  return finishPdf(doc);
}
